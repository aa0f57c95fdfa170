/**
 * What a config switches off, said in one line on every scan: a repository's config is written by whoever
 * can commit, so a config that quietly checks nothing (every path ignored, no rule left, every finding
 * allowed) must never pass as a clean scan.
 */
import path from 'node:path';
import type { Config } from './types';

/** Paths of many shapes: a config whose ignorePaths cover them all ignores (practically) everything. */
const PROBE_PATHS = [
  'README.md',
  '.env',
  'src/app.js',
  'config/settings.py',
  'a b/c d/e.ts',
  'x/y/z/w/v.yaml',
  '.github/w.yml',
  'Dockerfile',
];
/**
 * Lines and keys of many shapes: an allow pattern (for every rule) matching them all allows (practically)
 * every finding. No empty string: a finding always has a key on its line, so `"."` allows them all.
 */
const PROBE_LINES = ['k = "sk_live_0000"', 'AKIA0000', '\t"token": "abc",', 'export KEY=value', 'ghp_0000 # note'];

/**
 * Bits of entropy a character that random keys of most formats fall short of: a 40-character base62 key
 * has about 5.0 to 5.2, a hex key at most 4. A minimum this high for every rule checks (almost) nothing.
 */
const MOST_KEYS_REACH = 5;

export interface Weakening {
  /** One line when the config leaves nothing checked, else null. */
  allOff: string | null;
  /** One line listing what it turns off (counts), else null. */
  note: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function allowsEverything(config: Config): boolean {
  return config.allow.some((a) => {
    if (a.rule !== '*') return false;
    if (!a.match && !a.line) return true;
    const test = (re: string | undefined) => {
      try {
        const r = re ? new RegExp(re) : null;
        return !!r && PROBE_LINES.every((l) => r.test(l));
      } catch {
        return false;
      }
    };
    return test(a.match) || test(a.line);
  });
}

export function configWeakening(config: Config, ruleCount: number, pathIgnored: (file: string) => boolean): Weakening {
  if (!config.source) return { allOff: null, note: null };
  const shown = path.relative(process.cwd(), config.source) || path.basename(config.source);
  const where = shown.endsWith('package.json') ? `${shown} ("leakguard" key)` : shown;
  const why: string[] = [];
  if (ruleCount === 0) why.push('no rule is left on');
  if (PROBE_PATHS.every((p) => pathIgnored(p))) why.push('"ignorePaths" skips every path');
  if (allowsEverything(config)) why.push('an "allow" entry allows every finding');
  const every = config.entropy['*'];
  if (every !== undefined && every >= MOST_KEYS_REACH)
    why.push(`"entropy" asks every key for ${every} bits a character, more than most real keys have`);
  const allOff = why.length ? `leakguard: the config at ${where} turns off all checks (${why.join('; ')})` : null;
  const parts: string[] = [];
  if (!config.builtinRules) parts.push('the built-in rules');
  if (config.disableRules.length) parts.push(plural(config.disableRules.length, 'rule'));
  if (config.disableProviders.length) parts.push(plural(config.disableProviders.length, 'provider'));
  const skips = config.ignorePaths.length ? `skips paths matching ${plural(config.ignorePaths.length, 'pattern')}` : '';
  const ent = Object.entries(config.entropy);
  const bits = [...new Set(ent.map(([, v]) => v))].join(', ');
  const entropy = ent.length
    ? `sets the minimum entropy of ${every !== undefined ? 'every rule' : plural(ent.length, 'rule')} (${bits} bits a character)`
    : '';
  const said = [parts.length ? `turns off ${parts.join(', ')}` : '', skips, entropy].filter(Boolean);
  const note = said.length ? `leakguard: the config at ${where} ${said.join('; ')}` : null;
  return { allOff, note };
}
