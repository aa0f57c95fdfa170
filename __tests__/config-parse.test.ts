/** Config parsing without git: what validates, what each kind of mistake is told as, and what a run starts from. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load';
import { DEFAULT_CONFIG } from '../src/config/types';
import { validateConfig } from '../src/config/validate';

const rule = (extra: Record<string, unknown> = {}) => ({
  id: 'acme-token',
  title: 'Acme token',
  severity: 'high',
  keywords: ['acme_'],
  pattern: '\\b(acme_[a-z0-9]{24})\\b',
  ...extra,
});

/** The example of docs/config.md, which must stay valid. */
function docsExample(): unknown {
  const md = fs.readFileSync(path.join(__dirname, '..', 'docs', 'config.md'), 'utf8');
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(md)![1]);
}

test.each([
  ['an empty config', {}],
  ['the docs/config.md example', docsExample()],
  ['a "$schema" key for editors', { $schema: './node_modules/leakguard/schema/config.schema.json' }],
  ['every boolean off', { builtinRules: false, defaultSkips: false }],
  ['a custom rule with a playbook of its own', { rules: [rule({ provider: 'Acme', playbook: { console: 'https://acme.example' } })] }],
  ['an allow entry with only a line', { allow: [{ rule: '*', line: 'FAKE' }] }],
])('valid: %s', (_name, config) => {
  expect(validateConfig(config)).toEqual([]);
});

const LISTED_KEYS = /unknown key \(expected one of \$schema, builtinRules, ignorePaths, .*defaultSkips\)$/;
test.each([
  ['not an object', [], /^\(top level\): expected an object$/],
  ['null', null, /^\(top level\): expected an object$/],
  ['an unknown key, naming the known ones', { ignorePath: ['x'] }, /^ignorePath: /],
  ['a wrong type', { ignorePaths: 'x' }, /^ignorePaths: expected a list of path globs$/],
  ['an empty string in a list', { disableRules: [''] }, /^disableRules: expected a list of rule ids$/],
  ['a boolean as text', { builtinRules: 'no' }, /^builtinRules: expected true or false$/],
  ['an empty baseline path', { baseline: '' }, /^baseline: expected a file path$/],
  [
    'an entropy out of range',
    { entropy: { '*': 9 } },
    /^entropy\.\*: expected a number from 0 to 6 \(no key of a 64-character alphabet has more\)$/,
  ],
  ['an unbalanced glob', { ignorePaths: ['src/[a'] }, /^ignorePaths\[0\]: "src\/\[a" is not a valid glob/],
  ['allow without match or line', { allow: [{ rule: '*' }] }, /^allow\[0\]: expected "match" or "line"$/],
  ['allow without a rule', { allow: [{ match: 'x' }] }, /^allow\[0\]\.rule: expected a rule id or "\*"$/],
  [
    'an unknown key in allow',
    { allow: [{ rule: '*', line: 'x', why: 1 }] },
    /^allow\[0\]\.why: unknown key \(expected one of rule, match, line, reason\)$/,
  ],
  ['an invalid allow regex', { allow: [{ rule: '*', match: '(' }] }, /^allow\[0\]\.match: not a valid regular expression/],
  ['a catastrophic allow regex', { allow: [{ rule: '*', line: '(a+)+$' }] }, /^allow\[0\]\.line: .*exponential time/],
  ['a custom rule missing its title', { rules: [{ id: 'x' }] }, /^rules\[0\]\.title: expected a short description$/],
  ['a bad severity', { rules: [rule({ severity: 'urgent' })] }, /^rules\[0\]\.severity: expected one of critical, high, medium, low$/],
  ['a bad rule id', { rules: [rule({ id: 'Acme Token' })] }, /^rules\[0\]\.id: expected a lower-case id like "acme-api-key"$/],
  ['a bad check name', { rules: [rule({ check: 'nope' })] }, /^rules\[0\]\.check: expected one of pem-block, /],
  [
    'an unknown rule key',
    { rules: [rule({ slug: 'acme' })] },
    /^rules\[0\]\.slug: unknown key \(expected one of id, title, .*, provider, playbook\)$/,
  ],
  [
    'a playbook URL that is not https',
    { rules: [rule({ playbook: { console: 'http://x' } })] },
    /^rules\[0\]\.playbook\.console: expected an https:\/\/ URL$/,
  ],
  ['a pattern that matches nothing at all', { rules: [rule({ pattern: 'a*' })] }, /^rules\[0\]\.pattern: matches the empty string$/],
  ['a catastrophic rule pattern', { rules: [rule({ pattern: 'k=(\\w+\\s?)+$' })] }, /^rules\[0\]\.pattern: .*exponential time/],
  ['a bad followedBy', { rules: [rule({ followedBy: '[' })] }, /^rules\[0\]\.followedBy: not a valid regular expression/],
])('invalid: %s', (_name, config, message) => {
  const errs = validateConfig(config);
  expect(errs[0]).toMatch(message);
  for (const e of errs) expect(e).not.toContain('\n');
});

test('an unknown key lists every key the schema allows', () => {
  expect(validateConfig({ nope: 1 })).toEqual([expect.stringMatching(LISTED_KEYS)]);
});

test('every problem is told, not only the first', () => {
  expect(validateConfig({ builtinRules: 1, baseline: 2, nope: 3 })).toHaveLength(3);
});

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-config-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const put = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

  test('no config file: the schema defaults', () => {
    expect(loadConfig(undefined, dir)).toEqual({ ...DEFAULT_CONFIG, source: null });
    expect(DEFAULT_CONFIG).toMatchObject({ builtinRules: true, defaultSkips: true, baseline: '.leakguard-baseline.json', rules: [] });
  });

  test('a JSON config fills in the defaults and drops "$schema"', () => {
    put('.leakguard.json', JSON.stringify({ $schema: 'x.json', disableRules: ['a'] }));
    const c = loadConfig(undefined, dir);
    expect(c).toEqual({ ...DEFAULT_CONFIG, disableRules: ['a'], source: path.join(dir, '.leakguard.json') });
    expect(c).not.toHaveProperty('$schema');
  });

  test('YAML, then the "leakguard" key of package.json', () => {
    put('package.json', JSON.stringify({ name: 'x', leakguard: { ignorePaths: ['b/**'] } }));
    expect(loadConfig(undefined, dir).ignorePaths).toEqual(['b/**']);
    put('.leakguard.yaml', 'ignorePaths:\n  - a/**\n');
    expect(loadConfig(undefined, dir).ignorePaths).toEqual(['a/**']);
  });

  test('an invalid config: one line naming the file, the key and the count of other problems', () => {
    put('.leakguard.json', JSON.stringify({ ignorePaths: 'x', baseline: 1 }));
    expect(() => loadConfig(undefined, dir)).toThrow(
      /\.leakguard\.json: ignorePaths: expected a list of path globs \(and 1 more problem\)$/,
    );
    put('package.json', JSON.stringify({ leakguard: { nope: true } }));
    expect(() => loadConfig(path.join(dir, 'package.json'), dir)).toThrow(/package\.json \("leakguard" key\): nope: unknown key/);
  });
});
