/**
 * A repository config that checks nothing never passes silently: the hooks stop (exit 2) and name the
 * config; a config that turns some checks off says so (counts) on every scan.
 */
import { git, leakguard, newRepo, write } from './support/cli';
import { fakeKey } from './support/keys';

function stagedWithConfig(cfgFile: string, cfg: string): string {
  const r = newRepo();
  write(r, cfgFile, cfg);
  write(r, 'pay.py', `k = "${fakeKey('openai', 'weak')}"\n`);
  git(r, ['add', 'pay.py']);
  return r;
}

test.each([
  ['.leakguard.json', '{"ignorePaths":["**"]}', /"ignorePaths" skips every path/],
  ['package.json', '{"name":"x","leakguard":{"ignorePaths":["**/*"]}}', /package\.json \("leakguard" key\)/],
  ['.leakguard.yaml', 'builtinRules: false\n', /no rule is left on/],
  ['.leakguard.json', '{"allow":[{"rule":"*","line":".*"}]}', /allows every finding/],
  ['.leakguard.json', '{"entropy":{"*":5.5}}', /asks every key for 5\.5 bits/],
  ['.leakguard.json', '{"allow":[{"rule":"*","match":"."}]}', /allows every finding/],
  ['.leakguard.json', '{"ignorePaths":["**/?*?"]}', /"ignorePaths" skips every path/],
])('%s %s: the commit hook stops and names the config', (file, cfg, why) => {
  const r = stagedWithConfig(file, cfg);
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/turns off all checks/);
  expect(res.stderr).toMatch(why);
});

test('all providers disabled: stopped too', () => {
  const r = newRepo();
  const providers = JSON.parse(leakguard(['rules', '--format', 'json'], r).stdout) as
    Array<{ provider: string }> | { rules: Array<{ provider: string }> };
  const list = Array.isArray(providers) ? providers : providers.rules;
  write(r, '.leakguard.json', JSON.stringify({ disableProviders: [...new Set(list.map((p) => p.provider))] }));
  write(r, 'a.txt', 'hello\n');
  git(r, ['add', 'a.txt']);
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/turns off all checks/);
});

test('a partial switch-off passes but says what it turns off', () => {
  const r = stagedWithConfig('.leakguard.json', '{"disableRules":["a-rule","b-rule"],"ignorePaths":["docs/**"]}');
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(1); // the key is still found
  expect(res.stderr).toMatch(/the config at \.leakguard\.json turns off 2 rules; skips paths matching 1 pattern/);
});

test('a directory scan with an all-off config warns but does not stop', () => {
  const r = stagedWithConfig('.leakguard.json', '{"ignorePaths":["**"]}');
  const res = leakguard(['scan', '.'], r);
  expect(res.code).toBe(0);
  expect(res.stderr).toMatch(/leakguard: the config at \.leakguard\.json turns off all checks/);
});

test('a raised entropy bar is said on every scan; one above what any key can have is refused', () => {
  const r = stagedWithConfig('.leakguard.json', '{"entropy":{"openai-project-key":4.8}}');
  expect(leakguard(['scan', '--staged'], r).stderr).toMatch(/sets the minimum entropy of 1 rule \(4\.8 bits/);
  write(r, '.leakguard.json', '{"entropy":{"*":8}}');
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/entropy\.\*: expected a number from 0 to 6/);
});

test('a rule id or provider name no rule has is said: a typo turns nothing off', () => {
  const r = stagedWithConfig(
    '.leakguard.json',
    '{"disableRules":["openai-projct-key"],"disableProviders":["Nope"],"allow":[{"rule":"*","line":"x"}]}',
  );
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(1); // the OpenAI key is still found
  expect(res.stderr).toMatch(/names rule "openai-projct-key", provider "Nope", which no rule has/);
  write(r, '.leakguard.json', '{"disableProviders":["openai"]}');
  expect(leakguard(['scan', '--staged'], r).stderr).not.toMatch(/which no rule has/);
});
