/**
 * Finds and reads the config: --config FILE, else .leakguard.json, .leakguard.yaml, .leakguard.yml or
 * the "leakguard" key of package.json, in the repo root only (or, outside a repo, the current folder).
 * Never from a folder above: another user may control it, and it could switch the rules off.
 * A config that cannot be read or does not validate stops the run (exit 2): nothing is scanned with
 * half a config.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { readUserFile } from '../read-user-file';
import { DEFAULT_CONFIG, type Config, type ConfigFile } from './types';
import { normalize, validateConfig } from './validate';

const NAMES = ['.leakguard.json', '.leakguard.yaml', '.leakguard.yml'];

function parseFile(file: string): unknown {
  const text = readUserFile(file, 'the config') ?? '';
  const shown = path.basename(file);
  if (/\.ya?ml$/.test(file)) {
    const YAML = require('yaml') as typeof import('yaml');
    try {
      return YAML.parse(text) ?? {};
    } catch (e) {
      throw new UserError(`${shown}: not valid YAML (${(e as Error).message.split('\n')[0]})`, `Fix ${file} and run again.`);
    }
  }
  try {
    const json = JSON.parse(text);
    return file.endsWith('package.json') ? json.leakguard : json;
  } catch (e) {
    throw new UserError(`${shown}: not valid JSON (${(e as Error).message})`, `Fix ${file} and run again.`);
  }
}

/** The config file of this folder (the repo root), or null. Folders above are never looked at. */
export function findConfigFile(root: string): string | null {
  const dir = path.resolve(root);
  // lstat: a name that is there as a broken or odd link is still the config, and is refused when read.
  for (const n of NAMES) if (fs.lstatSync(path.join(dir, n), { throwIfNoEntry: false })) return path.join(dir, n);
  const pkg = path.join(dir, 'package.json');
  const text = readUserFile(pkg, 'package.json');
  if (text === null) return null;
  try {
    if (JSON.parse(text).leakguard !== undefined) return pkg;
  } catch {
    /* not ours to judge */
  }
  return null;
}

export function loadConfig(explicit: string | undefined, root: string): Config {
  const file = explicit ? path.resolve(explicit) : findConfigFile(root);
  if (!file) return DEFAULT_CONFIG;
  if (!fs.existsSync(file)) throw new UserError(`config file not found: ${explicit ?? path.relative(process.cwd(), file)}`);
  const raw = parseFile(file);
  const shown = path.relative(process.cwd(), file) || path.basename(file);
  const where = file.endsWith('package.json') ? `${shown} ("leakguard" key)` : shown;
  const errs = validateConfig(raw);
  if (errs.length) {
    const more = errs.length > 1 ? ` (and ${errs.length - 1} more problem${errs.length > 2 ? 's' : ''})` : '';
    throw new UserError(
      `${where}: ${errs[0]}${more}`,
      `Fix the config and run again; nothing was scanned. Keys are described in docs/config.md.`,
    );
  }
  return normalize(raw as ConfigFile, file, DEFAULT_CONFIG);
}
