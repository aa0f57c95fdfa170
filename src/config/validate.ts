/**
 * Checks a config object key by key. Every problem names the key and what is expected, so the user
 * can fix the file from the message alone.
 */
import { checkRule } from '../rules/validate';
import { catastrophicBacktracking, polynomialBacktracking } from './regex-safety';
import { enableLinearFallback, runsInLinearTime } from './linear-regex';
import type { Config } from './types';

const KEYS: Record<string, string> = {
  builtinRules: 'true or false',
  ignorePaths: 'a list of path globs',
  disableRules: 'a list of rule ids',
  disableProviders: 'a list of provider names',
  allow: 'a list of { rule, match?, line?, reason? }',
  entropy: 'an object of rule id (or "*") to bits per character',
  rules: 'a list of custom rules (see docs/config.md)',
  baseline: 'a file path',
  defaultSkips: 'true or false',
};

const isStrList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

function checkRegex(v: unknown, at: string, flags = ''): string[] {
  if (typeof v !== 'string') return [`${at}: expected a regular expression string`];
  // Before any user pattern is compiled: from here on V8 can switch a runaway match to its linear engine.
  enableLinearFallback();
  try {
    new RegExp(v, flags);
  } catch (e) {
    return [`${at}: not a valid regular expression (${(e as Error).message})`];
  }
  return checkSafe(v, at, flags);
}

/** A pattern that can backtrack catastrophically would hang the commit hook on one unlucky line. */
function checkSafe(pattern: string, at: string, flags = ''): string[] {
  const why = catastrophicBacktracking(pattern, flags);
  if (!why && !runsInLinearTime(pattern, flags)) {
    const slow = polynomialBacktracking(pattern, flags);
    if (slow)
      return [
        `${at}: ${JSON.stringify(pattern)} can take polynomial time on long lines (${slow}), which would hang the commit hook; merge the repeated parts into one, or put a separator between them`,
      ];
  }
  return why
    ? [
        `${at}: ${JSON.stringify(pattern)} can take exponential time on some lines (${why}), which would hang the commit hook; rewrite it so each repeated part ends at a character it cannot take (a separator), or without the outer repetition`,
      ]
    : [];
}

/** Custom rules' patterns, once checkRule has found them valid. */
function checkRulePatterns(r: unknown, at: string): string[] {
  const rule = (r ?? {}) as Record<string, unknown>;
  const flags = typeof rule.flags === 'string' ? rule.flags : '';
  return [
    ...(typeof rule.pattern === 'string' ? checkSafe(rule.pattern, `${at}.pattern`, flags) : []),
    ...(typeof rule.followedBy === 'string' ? checkSafe(rule.followedBy, `${at}.followedBy`) : []),
  ];
}

function checkGlob(g: string, at: string): string[] {
  let depth = 0;
  for (const ch of g) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (depth < 0) break;
  }
  return depth === 0 ? [] : [`${at}: "${g}" is not a valid glob (unbalanced brackets or braces)`];
}

export function validateConfig(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return ['(top level): expected an object'];
  const c = raw as Record<string, unknown>;
  const errs: string[] = [];
  for (const k of Object.keys(c)) if (!(k in KEYS)) errs.push(`${k}: unknown key (expected one of ${Object.keys(KEYS).join(', ')})`);
  for (const k of ['builtinRules', 'defaultSkips'] as const)
    if (c[k] !== undefined && typeof c[k] !== 'boolean') errs.push(`${k}: expected true or false`);
  for (const k of ['ignorePaths', 'disableRules', 'disableProviders'] as const) {
    if (c[k] !== undefined && !isStrList(c[k])) errs.push(`${k}: expected ${KEYS[k]}`);
  }
  if (isStrList(c.ignorePaths)) (c.ignorePaths as string[]).forEach((g, i) => errs.push(...checkGlob(g, `ignorePaths[${i}]`)));
  if (c.baseline !== undefined && (typeof c.baseline !== 'string' || !c.baseline)) errs.push(`baseline: expected ${KEYS.baseline}`);
  if (c.allow !== undefined) {
    if (!Array.isArray(c.allow)) errs.push(`allow: expected ${KEYS.allow}`);
    else
      c.allow.forEach((a, i) => {
        const at = `allow[${i}]`;
        if (!a || typeof a !== 'object') return errs.push(`${at}: expected ${KEYS.allow}`);
        const e = a as Record<string, unknown>;
        for (const k of Object.keys(e))
          if (!['rule', 'match', 'line', 'reason'].includes(k)) errs.push(`${at}.${k}: unknown key (expected rule, match, line, reason)`);
        if (typeof e.rule !== 'string' || !e.rule) errs.push(`${at}.rule: expected a rule id or "*"`);
        if (e.match === undefined && e.line === undefined) errs.push(`${at}: expected "match" or "line" (a regular expression)`);
        if (e.match !== undefined) errs.push(...checkRegex(e.match, `${at}.match`));
        if (e.line !== undefined) errs.push(...checkRegex(e.line, `${at}.line`));
        if (e.reason !== undefined && typeof e.reason !== 'string') errs.push(`${at}.reason: expected text`);
        return undefined;
      });
  }
  if (c.entropy !== undefined) {
    if (!c.entropy || typeof c.entropy !== 'object' || Array.isArray(c.entropy)) errs.push(`entropy: expected ${KEYS.entropy}`);
    else
      for (const [k, v] of Object.entries(c.entropy))
        if (typeof v !== 'number' || v < 0 || v > 8) errs.push(`entropy.${k}: expected a number from 0 to 8`);
  }
  if (c.rules !== undefined) {
    if (!Array.isArray(c.rules)) errs.push(`rules: expected ${KEYS.rules}`);
    else
      c.rules.forEach((r, i) => {
        const own = checkRule(r, `rules[${i}]`);
        errs.push(...(own.length ? own : checkRulePatterns(r, `rules[${i}]`)));
      });
  }
  return errs;
}

export function normalize(raw: Record<string, unknown>, source: string, defaults: Config): Config {
  return { ...defaults, ...(raw as Partial<Config>), source };
}
