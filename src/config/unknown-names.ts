/**
 * Rule ids and provider names a config names that no rule has. A typo in "disableRules" turns nothing off,
 * and one in "allow" or "entropy" changes nothing: harmless, but the config says otherwise, so it is said.
 */
import type { Config } from './types';
import type { Rule } from '../rules/types';

/** `all`: every rule the config could name (built-in and its own, none turned off). */
export function unknownNames(config: Config, all: Rule[]): string[] {
  const ids = new Set(all.map((r) => r.id));
  const providers = new Set(all.flatMap((r) => [r.provider.toLowerCase(), r.slug]));
  const out = new Set<string>();
  const rule = (id: string) => {
    if (id !== '*' && !ids.has(id)) out.add(`rule "${id}"`);
  };
  config.disableRules.forEach(rule);
  Object.keys(config.entropy).forEach(rule);
  config.allow.forEach((a) => rule(a.rule));
  for (const p of config.disableProviders) if (!providers.has(p.toLowerCase())) out.add(`provider "${p}"`);
  return [...out];
}
