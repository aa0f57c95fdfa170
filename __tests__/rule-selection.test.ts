/** Which rules a config turns on and off (rulesFor), in which order, with which entropy floor. */
import { builtinRules, rulesFor } from '../src/rules/load';
import { DEFAULT_CONFIG, type Config, type CustomRule } from '../src/config/types';

const config = (c: Partial<Config>): Config => ({ ...DEFAULT_CONFIG, source: 'test', ...c });
const ids = (c: Partial<Config>) => rulesFor(config(c)).map((r) => r.id);
const custom = (id: string, extra: Partial<CustomRule> = {}): CustomRule => ({
  id,
  title: id,
  severity: 'high',
  keywords: ['acme_'],
  pattern: 'acme_[a-z]{8}',
  ...extra,
});

const all = builtinRules();
const openai = all.filter((r) => r.slug === 'openai').map((r) => r.id);

test('the defaults run every built-in rule, in the compiled order', () => {
  expect(ids({})).toEqual(all.map((r) => r.id));
});

test('disableRules removes exactly those rules', () => {
  expect(ids({ disableRules: [openai[0], 'no-such-rule'] })).toEqual(all.map((r) => r.id).filter((id) => id !== openai[0]));
});

test('disableProviders matches the provider name in any case, or its slug', () => {
  for (const name of ['OpenAI', 'openai']) {
    const left = ids({ disableProviders: [name] });
    expect(left.filter((id) => openai.includes(id))).toEqual([]);
    expect(left).toHaveLength(all.length - openai.length);
  }
});

test('builtinRules: false leaves only the custom rules, which get a provider and a slug', () => {
  const rules = rulesFor(config({ builtinRules: false, rules: [custom('a'), custom('b', { provider: 'Acme Corp', envVars: ['ACME'] })] }));
  expect(rules.map((r) => [r.id, r.provider, r.slug, r.envVars])).toEqual([
    ['a', 'Custom', 'custom', []],
    ['b', 'Acme Corp', 'acme-corp', ['ACME']],
  ]);
});

test('custom rules drop their examples and playbook (detection data only)', () => {
  const [r] = rulesFor(
    config({ builtinRules: false, rules: [custom('a', { examples: { positive: ['x'] }, playbook: { console: 'https://x' } })] }),
  );
  expect(r).not.toHaveProperty('examples');
  expect(r).not.toHaveProperty('playbook');
});

test('order: non-generic before generic, higher priority first, custom before built-in on a tie', () => {
  const got = ids({
    rules: [custom('plain'), custom('catch-all', { generic: true }), custom('urgent', { priority: 99 })],
  });
  expect(got[0]).toBe('urgent');
  const firstPlainBuiltin = all.find((r) => !r.generic && !r.priority)!.id;
  const prioritized = all.find((r) => (r.priority ?? 0) > 0)!.id;
  expect(got.indexOf('plain')).toBeLessThan(got.indexOf(firstPlainBuiltin));
  expect(got.indexOf('plain')).toBeGreaterThan(got.indexOf(prioritized));
  const generic = got.filter((id) => id === 'catch-all' || all.find((r) => r.id === id)?.generic);
  expect(got.slice(-generic.length)).toEqual(generic);
});

test('a custom rule can be disabled like a built-in one', () => {
  expect(ids({ builtinRules: false, rules: [custom('a'), custom('b')], disableRules: ['a'] })).toEqual(['b']);
  expect(ids({ builtinRules: false, rules: [custom('a', { provider: 'Acme' })], disableProviders: ['acme'] })).toEqual([]);
});

test('entropy: a per-rule floor wins over "*", which applies to every other rule', () => {
  const rules = rulesFor(config({ entropy: { [openai[0]]: 2.5, '*': 4 } }));
  expect(rules.find((r) => r.id === openai[0])!.entropy).toBe(2.5);
  expect(rules.filter((r) => r.id !== openai[0]).every((r) => r.entropy === 4)).toBe(true);
});

test('rulesFor leaves the compiled rules as they were', () => {
  const before = JSON.stringify(builtinRules());
  rulesFor(config({ entropy: { '*': 1 } }));
  expect(JSON.stringify(builtinRules())).toBe(before);
});
