/**
 * The rule set for a run: the compiled built-in rules (dist/rules.json), minus what the config
 * disables, with its entropy overrides, plus its custom rules. Playbooks load separately, on demand.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/types';
import { DIST } from './paths';
import type { CompiledPlaybooks, CompiledRules, Playbook, Rule } from './types';
import { byPrecedence } from './order';

let compiled: CompiledRules | undefined;
function readCompiled(): CompiledRules {
  compiled ??= JSON.parse(fs.readFileSync(path.join(DIST, 'rules.json'), 'utf8')) as CompiledRules;
  return compiled;
}

export function builtinRules(): Rule[] {
  return readCompiled().rules;
}

/** The prefilter words the build made for the built-in rules (used when the config changes nothing). */
export function builtinPrefilter(): CompiledRules['prefilter'] {
  return readCompiled().prefilter;
}

/** The build's id (dist/build-id, a hash of the compiled code and rules); empty when it is missing. */
export function buildId(): string {
  try {
    return fs.readFileSync(path.join(DIST, 'build-id'), 'utf8').trim();
  } catch {
    return '';
  }
}

let playbooks: CompiledPlaybooks | undefined;
export function builtinPlaybooks(): CompiledPlaybooks['providers'] {
  playbooks ??= JSON.parse(fs.readFileSync(path.join(DIST, 'playbooks.json'), 'utf8')) as CompiledPlaybooks;
  return playbooks.providers;
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function rulesFor(config: Config): Rule[] {
  const off = new Set(config.disableRules);
  const offProviders = new Set(config.disableProviders.map((p) => p.toLowerCase()));
  const base = config.builtinRules ? builtinRules() : [];
  const custom: Rule[] = config.rules.map(({ examples: _e, playbook: _p, ...r }) => ({
    ...r,
    provider: r.provider ?? 'Custom',
    slug: slugOf(r.provider ?? 'custom'),
    envVars: r.envVars ?? [],
  }));
  // A custom rule goes before the built-in ones of the same precedence; a custom catch-all after them.
  const all = [...custom.filter((r) => !r.generic), ...base, ...custom.filter((r) => r.generic)].sort(byPrecedence);
  return all
    .filter((r) => !off.has(r.id) && !offProviders.has(r.provider.toLowerCase()) && !offProviders.has(r.slug))
    .map((r) => {
      const e = config.entropy[r.id] ?? config.entropy['*'];
      return e === undefined ? r : { ...r, entropy: e };
    });
}

/** The playbook for a finding's rule: the custom rule's own, else its provider's built-in one. */
export function playbookFor(
  ruleId: string,
  slug: string,
  config: Config,
): { provider: string; envVars: string[]; playbook: Playbook } | null {
  const custom = config.rules.find((r) => r.id === ruleId);
  if (custom?.playbook) {
    return {
      provider: custom.provider ?? 'Custom',
      envVars: custom.envVars ?? [],
      playbook: { console: '', create: '', revoke: '', misuse: '', ...custom.playbook },
    };
  }
  const p = builtinPlaybooks()[slug];
  return p ? { provider: p.provider, envVars: p.envVars, playbook: p.playbook } : null;
}
