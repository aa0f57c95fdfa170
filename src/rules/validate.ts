/**
 * What a schema cannot say about a rule: that its regular expressions compile (with its flags) and that its
 * pattern does not match the empty string. Shapes, types and allowed keys are schema/provider.schema.json's.
 */
import { checkAgainst } from '../config/schema-check';
import type { ProviderSpec, RuleSpec } from './types';

function compiles(pattern: string, flags: string, at: string): string[] {
  try {
    new RegExp(pattern, flags);
    return [];
  } catch (e) {
    return [`${at}: not a valid regular expression (${(e as Error).message})`];
  }
}

/** A rule that already fits the schema (rules/*.yaml or a config's custom rule). */
export function checkRulePatterns(rule: RuleSpec, at: string): string[] {
  const flags = rule.flags ?? '';
  const errs = compiles(rule.pattern, `g${flags}`, `${at}.pattern`);
  if (!errs.length && new RegExp(rule.pattern, `g${flags}`).test('')) errs.push(`${at}.pattern: matches the empty string`);
  if (rule.followedBy !== undefined) errs.push(...compiles(rule.followedBy, '', `${at}.followedBy`));
  (rule.envVarsByValue ?? []).forEach((m, i) => errs.push(...compiles(m.match, '', `${at}.envVarsByValue[${i}].match`)));
  return errs;
}

/** A parsed rules/<provider>.yaml: the schema's problems, else its rules' patterns'. Each line starts with `file`. */
export function checkProvider(spec: unknown, file: string): string[] {
  const shape = checkAgainst('provider', spec);
  const errs = shape.length ? shape : (spec as ProviderSpec).rules.flatMap((r, i) => checkRulePatterns(r, `rules[${i}]`));
  return errs.map((e) => `${file}: ${e}`);
}
