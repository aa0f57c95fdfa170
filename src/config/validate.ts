/**
 * Checks a config object: its shape against schema/config.schema.json (every problem names the key and what is
 * expected, so the user can fix the file from the message alone), then what a schema cannot say: that globs
 * and regular expressions are valid, and that no pattern can hang the commit hook.
 */
import { checkAgainst } from './schema-check';
import type { Config, ConfigFile } from './types';

function checkGlob(g: string, at: string): string[] {
  let depth = 0;
  for (const ch of g) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (depth < 0) break;
  }
  return depth === 0 ? [] : [`${at}: "${g}" is not a valid glob (unbalanced brackets or braces)`];
}

/** Only a config with its own patterns loads the regex checks (and switches V8's linear fallback on). */
function patternChecks(): typeof import('./pattern-checks') & typeof import('../rules/validate') {
  return {
    ...(require('./pattern-checks') as typeof import('./pattern-checks')),
    ...(require('../rules/validate') as typeof import('../rules/validate')),
  };
}

export function validateConfig(raw: unknown): string[] {
  const shape = checkAgainst('config', raw);
  if (shape.length) return shape;
  const c = raw as ConfigFile;
  const rules = (c.rules ?? []).flatMap((r, i) => checkAgainst('custom-rule', r, `rules[${i}]`));
  if (rules.length) return rules;
  const errs = (c.ignorePaths ?? []).flatMap((g, i) => checkGlob(g, `ignorePaths[${i}]`));
  if (c.allow?.length || c.rules?.length) {
    const { checkRegex, checkSafe, checkRulePatterns } = patternChecks();
    (c.allow ?? []).forEach((a, i) => {
      if (a.match !== undefined) errs.push(...checkRegex(a.match, `allow[${i}].match`));
      if (a.line !== undefined) errs.push(...checkRegex(a.line, `allow[${i}].line`));
    });
    (c.rules ?? []).forEach((r, i) => {
      const at = `rules[${i}]`;
      const own = checkRulePatterns(r, at);
      if (own.length) return errs.push(...own);
      errs.push(...checkSafe(r.pattern, `${at}.pattern`, r.flags ?? ''));
      if (r.followedBy !== undefined) errs.push(...checkSafe(r.followedBy, `${at}.followedBy`));
      return undefined;
    });
  }
  return errs;
}

/** A valid config file's object as a run uses it: the defaults under it, the editors' "$schema" dropped. */
export function normalize(raw: ConfigFile, source: string, defaults: Config): Config {
  const { $schema: _schema, ...keys } = raw;
  return { ...defaults, ...keys, source };
}
