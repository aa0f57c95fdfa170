/**
 * Config patterns that can backtrack catastrophically are refused when the config is read (exit 2, one
 * line naming the key), so no line can hang the commit hook; ordinary patterns are still accepted.
 */
import path from 'node:path';
import { catastrophicBacktracking } from '../src/config/regex-safety';
import { readProviderFiles, compile } from '../scripts/compile-rules';
import { leakguard, newRepo, write, git, ROOT } from './support/cli';

const UNSAFE = [
  '(a+)+$',
  '(a*)*b',
  '(\\w+\\s?)+$',
  '(a|ab)+$',
  '(a|a)*',
  '(?:a+|b)+',
  '([a-z]+)*\\d',
  '(x+x+)+y',
  '(.*a){12}',
  '^(\\d+)*$',
  '(?:(?:\\w+)+)+',
  '((a+))+',
  '(?:\\d|\\w)+$',
  '(a+){2,}',
  '(?<k>a+)+',
  '(a|a?)+',
  '(.*a){11}',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(a?){30}a{30}',
  '(?:[ab]+c?)+',
  '(?=(a+)+b)',
  '(?:\\s*,\\s*)+',
];
const SAFE = [
  'acme_[a-z0-9]{32}',
  '(?:key|token)\\s*[:=]\\s*"([^"]+)"',
  '(?:[a-z]+\\.)+[a-z]+',
  '(a|b)+',
  '(?:foo|far)+',
  '(?:"[^"]*"\\s*,\\s*)+',
  '(?:\\s+\\S+)+',
  '(?:(?:ab)+c)+',
  '[\\u0000-\\u{10ffff}]+x',
  '[\\w.-]+@[\\w-]+(?:\\.[\\w-]+)+',
  '(?:\\\\.|[^"\\\\])*',
  '(?<![A-Za-z0-9_-])(xox[pears]-(?:\\d{10,13}-){2,3}[A-Za-z0-9]{28,34})',
];

describe('catastrophic backtracking check', () => {
  test.each(UNSAFE)('refuses %s', (p) => expect(catastrophicBacktracking(p)).not.toBeNull());
  test.each(SAFE)('accepts %s', (p) => expect(catastrophicBacktracking(p)).toBeNull());
  test('every built-in pattern passes', () => {
    const rules = compile(readProviderFiles(path.join(ROOT, 'rules'))).rules.rules;
    const bad = rules.filter(
      (r) => catastrophicBacktracking(r.pattern, r.flags) || (r.followedBy && catastrophicBacktracking(r.followedBy)),
    );
    expect(bad.map((r) => r.id)).toEqual([]);
  });
});

describe('a config with such a pattern stops the hook with a reason', () => {
  const cases: Array<[string, unknown]> = [
    ['rules[0].pattern', { rules: [{ id: 'acme', title: 'Acme', severity: 'high', keywords: ['a'], pattern: '(a+)+$' }] }],
    [
      'rules[0].followedBy',
      { rules: [{ id: 'acme', title: 'Acme', severity: 'high', keywords: ['k'], pattern: 'k=\\w{8}', followedBy: '(\\w+\\s?)*$' }] },
    ],
    ['allow[0].line', { allow: [{ rule: '*', line: '(a|a)*$' }] }],
    ['allow[0].match', { allow: [{ rule: '*', match: '(.*x){9}' }] }],
  ];
  test.each(cases)('%s', (key, config) => {
    const repo = newRepo();
    write(repo, '.leakguard.json', JSON.stringify(config));
    write(repo, 'a.txt', `${'a'.repeat(40)}!\n`);
    git(repo, ['add', 'a.txt']);
    const r = leakguard(['scan', '--staged'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^leakguard: \\.leakguard\\.json: ${key.replace(/[[\].]/g, '\\$&')}: .*exponential time`));
    expect(r.out).not.toMatch(/\n\s+at /);
  });
  test('a config with ordinary patterns still works', () => {
    const repo = newRepo();
    write(
      repo,
      '.leakguard.json',
      JSON.stringify({
        rules: [{ id: 'acme', title: 'Acme', severity: 'high', keywords: ['acme_'], pattern: 'acme_(?:[a-z0-9]{4}-){3}[a-z0-9]{4}' }],
      }),
    );
    write(repo, 'a.txt', 'k = acme_q7z3-m2x9-p4k8-w6n1\n');
    git(repo, ['add', 'a.txt']);
    expect(leakguard(['scan', '--staged'], repo).code).toBe(1);
  });
});
