import type { Playbook, ProviderSpec, RuleSpec, Severity } from './types';
import { CHECK_NAMES } from '../engine/check-names';
import { CHECKSUM_NAMES } from '../engine/checksums';
import { SEVERITIES } from './severity';

/**
 * Checks a rule or provider written by a person (a rules/*.yaml file or a custom rule in the config).
 * Returns the problems as "key: what is expected" strings; an empty list means it is usable.
 */
const RULE_KEYS = new Set([
  'id',
  'title',
  'severity',
  'keywords',
  'pattern',
  'flags',
  'prefix',
  'secretGroup',
  'entropy',
  'notHex',
  'checksum',
  'generic',
  'examples',
  'provider',
  'playbook',
  'envVars',
  'priority',
  'followedBy',
  'stopwords',
  'envVarHoldsFile',
  'advice',
  'envVarsByValue',
  'check',
  'fixtureSeverity',
  'structured',
  'fileName',
]);
const PLAYBOOK_KEYS = new Set(['console', 'usage', 'create', 'revoke', 'misuse', 'notes', 'docs']);
const CHECKSUMS = new Set(CHECKSUM_NAMES);

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isRegex = (v: string): boolean => {
  try {
    new RegExp(v);
    return true;
  } catch {
    return false;
  }
};
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

export function checkRule(r: unknown, at: string): string[] {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return [`${at}: expected an object with id, title, severity, keywords and pattern`];
  const rule = r as Record<string, unknown>;
  const errs: string[] = [];
  for (const k of Object.keys(rule)) if (!RULE_KEYS.has(k)) errs.push(`${at}.${k}: unknown key (allowed: ${[...RULE_KEYS].join(', ')})`);
  if (!isStr(rule.id) || !/^[a-z0-9][a-z0-9-]*$/.test(rule.id)) errs.push(`${at}.id: expected a lower-case id like "acme-api-key"`);
  if (!isStr(rule.title)) errs.push(`${at}.title: expected a short description`);
  if (!SEVERITIES.includes(rule.severity as Severity)) errs.push(`${at}.severity: expected one of ${SEVERITIES.join(', ')}`);
  if (!isStrList(rule.keywords) || rule.keywords.length === 0) errs.push(`${at}.keywords: expected a non-empty list of strings`);
  if (rule.flags !== undefined && (typeof rule.flags !== 'string' || !/^[imsu]*$/.test(rule.flags)))
    errs.push(`${at}.flags: expected letters from "imsu"`);
  if (!isStr(rule.pattern)) errs.push(`${at}.pattern: expected a regular expression`);
  else {
    try {
      const re = new RegExp(rule.pattern, 'g' + (typeof rule.flags === 'string' ? rule.flags : ''));
      if (re.test('')) errs.push(`${at}.pattern: matches the empty string`);
    } catch (e) {
      errs.push(`${at}.pattern: not a valid regular expression (${(e as Error).message})`);
    }
  }
  for (const k of ['prefix', 'checksum'] as const)
    if (rule[k] !== undefined && typeof rule[k] !== 'string') errs.push(`${at}.${k}: expected a string`);
  if (rule.checksum !== undefined && !CHECKSUMS.has(rule.checksum as string))
    errs.push(`${at}.checksum: expected one of ${[...CHECKSUMS].join(', ')}`);
  if (rule.fixtureSeverity !== undefined && !SEVERITIES.includes(rule.fixtureSeverity as Severity))
    errs.push(`${at}.fixtureSeverity: expected one of ${SEVERITIES.join(', ')}`);
  if (rule.check !== undefined && !(CHECK_NAMES as readonly string[]).includes(rule.check as string))
    errs.push(`${at}.check: expected one of ${CHECK_NAMES.join(', ')}`);
  if (rule.secretGroup !== undefined && !(Number.isInteger(rule.secretGroup) && (rule.secretGroup as number) >= 0))
    errs.push(`${at}.secretGroup: expected a whole number`);
  if (rule.entropy !== undefined && !(typeof rule.entropy === 'number' && rule.entropy >= 0 && rule.entropy <= 8))
    errs.push(`${at}.entropy: expected a number of bits per character from 0 to 8`);
  for (const k of ['notHex', 'generic', 'structured', 'fileName'] as const)
    if (rule[k] !== undefined && typeof rule[k] !== 'boolean') errs.push(`${at}.${k}: expected true or false`);
  if (rule.priority !== undefined && !Number.isInteger(rule.priority)) errs.push(`${at}.priority: expected a whole number`);
  if (rule.stopwords !== undefined && !isStrList(rule.stopwords)) errs.push(`${at}.stopwords: expected a list of strings`);
  if (rule.followedBy !== undefined) {
    try {
      new RegExp(rule.followedBy as string);
    } catch (e) {
      errs.push(`${at}.followedBy: not a valid regular expression (${(e as Error).message})`);
    }
  }
  if (rule.envVars !== undefined && !isStrList(rule.envVars)) errs.push(`${at}.envVars: expected a list of variable names`);
  if (rule.envVarHoldsFile !== undefined && typeof rule.envVarHoldsFile !== 'boolean')
    errs.push(`${at}.envVarHoldsFile: expected true or false`);
  if (
    rule.envVarsByValue !== undefined &&
    !(Array.isArray(rule.envVarsByValue) && rule.envVarsByValue.every((m) => m && isStr(m.envVar) && isStr(m.match) && isRegex(m.match)))
  ) {
    errs.push(`${at}.envVarsByValue: expected a list of { match: REGEX, envVar: NAME }`);
  }
  if (rule.advice !== undefined && !isStr(rule.advice)) errs.push(`${at}.advice: expected a sentence`);
  if (rule.provider !== undefined && !isStr(rule.provider)) errs.push(`${at}.provider: expected the provider's name`);
  if (rule.playbook !== undefined) errs.push(...checkPlaybook(rule.playbook, `${at}.playbook`, false));
  if (rule.examples !== undefined) {
    const ex = rule.examples as Record<string, unknown>;
    if (typeof ex !== 'object' || Array.isArray(ex)) errs.push(`${at}.examples: expected { positive: [...], negative: [...] }`);
    else
      for (const k of Object.keys(ex)) {
        if (k !== 'positive' && k !== 'negative') errs.push(`${at}.examples.${k}: unknown key (allowed: positive, negative)`);
        else if (!isStrList(ex[k])) errs.push(`${at}.examples.${k}: expected a list of strings`);
      }
  }
  return errs;
}

export function checkPlaybook(p: unknown, at: string, requireAll = true): string[] {
  if (!p || typeof p !== 'object' || Array.isArray(p)) return [`${at}: expected an object with console, create, revoke and misuse`];
  const pb = p as Record<string, unknown>;
  const errs: string[] = [];
  for (const k of Object.keys(pb))
    if (!PLAYBOOK_KEYS.has(k)) errs.push(`${at}.${k}: unknown key (allowed: ${[...PLAYBOOK_KEYS].join(', ')})`);
  for (const k of ['console', 'usage', 'docs']) {
    if (pb[k] !== undefined && !(isStr(pb[k]) && /^https:\/\//.test(pb[k] as string))) errs.push(`${at}.${k}: expected an https:// URL`);
  }
  if (requireAll) {
    if (pb.console === undefined) errs.push(`${at}.console: expected the URL where keys are revoked and created`);
    for (const k of ['create', 'revoke', 'misuse']) if (!isStr(pb[k])) errs.push(`${at}.${k}: expected a sentence or two`);
  } else {
    for (const k of ['create', 'revoke', 'misuse']) if (pb[k] !== undefined && !isStr(pb[k])) errs.push(`${at}.${k}: expected text`);
  }
  if (pb.notes !== undefined && !isStrList(pb.notes)) errs.push(`${at}.notes: expected a list of sentences`);
  return errs;
}

export function checkProvider(p: unknown, at: string): string[] {
  if (!p || typeof p !== 'object') return [`${at}: expected provider, slug, envVars, playbook and rules`];
  const spec = p as Partial<ProviderSpec> & Record<string, unknown>;
  const errs: string[] = [];
  const allowed = new Set(['provider', 'slug', 'envVars', 'playbook', 'verify', 'rules']);
  for (const k of Object.keys(spec)) if (!allowed.has(k)) errs.push(`${at}.${k}: unknown key (allowed: ${[...allowed].join(', ')})`);
  if (!isStr(spec.provider)) errs.push(`${at}.provider: expected the provider's name`);
  if (!isStr(spec.slug) || !/^[a-z0-9-]+$/.test(spec.slug)) errs.push(`${at}.slug: expected a lower-case name like "openai"`);
  if (!isStrList(spec.envVars)) errs.push(`${at}.envVars: expected a list of variable names`);
  errs.push(...checkPlaybook(spec.playbook as Playbook, `${at}.playbook`));
  if (spec.verify !== undefined) {
    const v = spec.verify as unknown as Record<string, unknown>;
    if (!isStr(v.base) || !/^https:\/\/[^/]+$/.test(v.base as string))
      errs.push(`${at}.verify.base: expected an https:// origin without a path`);
    if (!isStr(v.path) || !(v.path as string).startsWith('/')) errs.push(`${at}.verify.path: expected a path starting with /`);
    if (!['GET', 'POST'].includes(v.method as string)) errs.push(`${at}.verify.method: expected GET or POST`);
    if (!['bearer', 'x-api-key', 'api-key', 'basic-url'].includes(v.auth as string))
      errs.push(`${at}.verify.auth: expected bearer, x-api-key, api-key or basic-url`);
    for (const k of ['live', 'revoked'])
      if (!Array.isArray(v[k]) || !(v[k] as unknown[]).every(Number.isInteger))
        errs.push(`${at}.verify.${k}: expected a list of HTTP status codes`);
  }
  if (!Array.isArray(spec.rules) || spec.rules.length === 0) errs.push(`${at}.rules: expected a non-empty list`);
  else (spec.rules as RuleSpec[]).forEach((r, i) => errs.push(...checkRule(r, `${at}.rules[${i}]`)));
  return errs;
}
