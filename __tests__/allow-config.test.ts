/** Allowing findings, baselines and the config file: each mechanism removes its finding and only that one. */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, json, leakguard, newRepo, write } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';
import { expand } from '../scripts/fixtures/generate';

/** A repo with two staged keys (OpenAI in a.env, Pinecone in b.env). */
function twoKeys() {
  const r = newRepo();
  write(r, 'a.env', fakeLine('openai', 'allow-a') + '\n');
  write(r, 'b.env', fakeLine('pinecone', 'allow-b') + '\n');
  git(r, ['add', '.']);
  return r;
}
const files = (r: string, extra: string[] = []) =>
  json(leakguard(['scan', '--staged', '--format', 'json', ...extra], r))
    .findings.map((f) => f.file)
    .sort();

test('with nothing allowed both are found', () => {
  expect(files(twoKeys())).toEqual(['a.env', 'b.env']);
});

test('inline leakguard:allow, in any comment syntax, allows that line only', () => {
  const r = twoKeys();
  write(r, 'a.env', `${fakeLine('openai', 'allow-a')} // leakguard:allow fixture\n`);
  git(r, ['add', '.']);
  expect(files(r)).toEqual(['b.env']);
  const res = json(leakguard(['scan', '--staged', '--format', 'json'], r));
  expect(res.suppressed).toEqual({ inline: 1 });
});

test('.leakguardignore fingerprints', () => {
  const r = twoKeys();
  const fp = json(leakguard(['scan', '--staged', '--format', 'json'], r)).findings.find((f) => f.file === 'b.env')!.fingerprint;
  write(r, '.leakguardignore', `# reviewed: test fixture\n${fp}\n`);
  expect(files(r)).toEqual(['a.env']);
});

test('fingerprints survive line moves', () => {
  const r = twoKeys();
  const fp1 = json(leakguard(['scan', '--staged', '--format', 'json'], r)).findings[0].fingerprint;
  write(r, 'a.env', `# moved down\n\n${fakeLine('openai', 'allow-a')}\n`);
  git(r, ['add', '.']);
  expect(json(leakguard(['scan', '--staged', '--format', 'json'], r)).findings[0].fingerprint).toBe(fp1);
});

test.each([
  ['ignorePaths glob', { ignorePaths: ['b.*'] }, ['a.env']],
  ['per-rule allow on the match', { allow: [{ rule: 'openai-project-key', match: '^sk-proj-' }] }, ['b.env']],
  ['allow on the line', { allow: [{ rule: '*', line: 'PINECONE' }] }, ['a.env']],
  ['disabled rule', { disableRules: ['pinecone-api-key'] }, ['a.env']],
  ['disabled provider', { disableProviders: ['OpenAI'] }, ['b.env']],
  ['entropy floor raised', { entropy: { 'pinecone-api-key': 6 } }, ['a.env']],
])('config: %s', (_name, config, expected) => {
  const r = twoKeys();
  write(r, '.leakguard.json', JSON.stringify(config));
  expect(files(r)).toEqual(expected);
});

test('config in YAML and in package.json', () => {
  const r = twoKeys();
  write(r, '.leakguard.yaml', 'disableRules:\n  - openai-project-key\n');
  expect(files(r)).toEqual(['b.env']);
  fs.rmSync(path.join(r, '.leakguard.yaml'));
  write(r, 'package.json', JSON.stringify({ name: 'x', leakguard: { ignorePaths: ['a.env'] } }));
  expect(files(r)).toEqual(['b.env']);
});

test.each([
  ['not JSON', '{ "nope": 1 ', /\.leakguard\.json: not valid JSON/],
  ['unknown key', '{ "ignorePath": ["x"] }', /\.leakguard\.json: ignorePath: unknown key/],
  ['wrong type', '{ "ignorePaths": "x" }', /ignorePaths: expected a list of path globs/],
  ['bad glob', '{ "ignorePaths": ["src/[a"] }', /ignorePaths\[0\]: "src\/\[a" is not a valid glob/],
  ['invalid regex', '{ "allow": [{ "rule": "*", "match": "(" }] }', /allow\[0\]\.match: not a valid regular expression/],
  ['bad custom rule', '{ "rules": [{ "id": "x" }] }', /rules\[0\]\.title/],
])('invalid config (%s): one line naming file and key, exit 2, nothing scanned', (_n, text, msg) => {
  const r = twoKeys();
  write(r, '.leakguard.json', text);
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(msg);
  expect(res.stderr.split('\n')[0]).toContain('.leakguard.json');
  expect(res.stdout).toBe('');
  expect(res.stderr).not.toMatch(/\s+at .*\.js:\d+/);
});

test('invalid YAML config', () => {
  const r = twoKeys();
  write(r, '.leakguard.yml', 'ignorePaths: [a\n');
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('.leakguard.yml: not valid YAML');
});

test('a custom rule from the config blocks and prints its own playbook', () => {
  const r = newRepo();
  write(
    r,
    '.leakguard.json',
    JSON.stringify({
      rules: [
        {
          id: 'acme-token',
          title: 'Acme internal token',
          severity: 'high',
          keywords: ['acme_'],
          pattern: '\\b(acme_[a-z0-9]{24})\\b',
          entropy: 3,
          provider: 'Acme',
          envVars: ['ACME_TOKEN'],
          playbook: {
            console: 'https://acme.example/tokens',
            create: 'Ask #platform for a new token.',
            revoke: 'Revoke it at the tokens page.',
            misuse: 'Check the Acme audit log.',
          },
        },
      ],
    }),
  );
  write(r, 'x.py', expand('token = "acme_{loweralnum:24}"\n', 'acme'));
  git(r, ['add', '.']);
  const res = leakguard(['scan', '--staged'], r);
  expect(res.code).toBe(1);
  expect(res.out).toContain('Acme internal token');
  expect(res.out).toContain('https://acme.example/tokens');
  expect(res.out).toContain('Ask #platform for a new token.');
  expect(res.out).toContain('os.environ["ACME_TOKEN"]');
  expect(leakguard(['explain', 'acme-token'], r).out).toContain('Check the Acme audit log.');
});

test('baseline: history with 10 keys, then only new keys block', () => {
  const r = newRepo();
  const ps = ['openai', 'anthropic', 'cohere', 'pinecone', 'cloudinary'] as const;
  for (let i = 0; i < 10; i++) {
    write(r, `k${i}.env`, fakeLine(ps[i % 5], `bl${i}`) + '\n');
    commitAll(r, `k${i}`);
  }
  expect(leakguard(['scan', '--all-history'], r).code).toBe(1);
  const b = leakguard(['baseline'], r);
  expect(b.code).toBe(0);
  expect(b.out).toContain('recorded 10 findings');
  expect(fs.readFileSync(path.join(r, '.leakguard-baseline.json'), 'utf8')).not.toContain(fakeKey('openai', 'bl0'));
  const after = leakguard(['scan', '--all-history', '--format', 'json'], r);
  expect(after.code).toBe(0);
  expect(json(after).suppressed).toEqual({ baseline: 10 });
  expect(leakguard(['scan', '--all-history'], r).out).toContain('10 finding(s) allowed (10 by baseline)');
  expect(leakguard(['scan', '--all-history', '--no-baseline'], r).code).toBe(1);
  write(r, 'new.env', fakeLine('openai', 'bl11') + '\n');
  git(r, ['add', 'new.env']);
  expect(leakguard(['scan', '--staged'], r).code).toBe(1);
});
