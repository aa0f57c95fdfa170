/** The command line's edges: errors are one clear line with exit 2, never a stack trace. */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, json, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';

const noTrace = (s: string) => expect(s).not.toMatch(/^\s+at .*\.(js|ts):\d+/m);

test('not a git repository', () => {
  const res = leakguard(['scan', '--staged'], tempDir());
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('not a git repository');
  noTrace(res.stderr);
});

test('unknown flag and unknown command', () => {
  for (const args of [['scan', '--no-such-flag'], ['frobnicate'], ['scan', '--format', 'xml'], ['scan', '--staged', '--all-history']]) {
    const res = leakguard(args, tempDir());
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^leakguard: /);
    noTrace(res.stderr);
  }
});

test('git missing from PATH fails closed', () => {
  const r = spawnSync(process.execPath, [CLI, 'scan', '--staged'], { cwd: tempDir(), env: { PATH: '/nonexistent' }, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('git was not found');
});

test('scan --stdin with a name', () => {
  const res = leakguard(['scan', '--stdin', '--stdin-name', 'paste.txt', '--format', 'json'], tempDir(), {
    input: `hello\n${fakeLine('cohere', 'stdin')}\n`,
  });
  expect(res.code).toBe(1);
  expect(json(res).findings[0]).toMatchObject({ file: 'paste.txt', line: 2, provider: 'Cohere' });
});

test('scan PATH respects .gitignore in a repo and works outside one', () => {
  const r = newRepo();
  write(r, '.gitignore', 'ignored/\n');
  write(r, 'ignored/k.env', fakeLine('openai', 'ign') + '\n');
  write(r, 'src/k.env', fakeLine('anthropic', 'path') + '\n');
  const res = leakguard(['scan', '.', '--format', 'json'], r);
  expect(json(res).findings.map((f) => f.file)).toEqual(['src/k.env']);
  expect(json(leakguard(['scan', 'ignored', '--format', 'json'], r)).findings.map((f) => f.file)).toEqual(['ignored/k.env']);
  const plain = tempDir();
  write(plain, 'x/y.txt', fakeLine('pinecone', 'plain') + '\n');
  expect(leakguard(['scan', path.join(plain, 'x')], plain).code).toBe(1);
});

test('encoded keys: base64 in JSON and a percent-encoded Cloudinary URL', () => {
  const d = tempDir();
  const b64 = Buffer.from(fakeLine('openai', 'b64')).toString('base64');
  write(d, 'conf.json', `{"config": "${b64}"}\n`);
  write(d, 'url.txt', `u=${encodeURIComponent(fakeKey('cloudinary', 'pct'))}\n`);
  const f = json(leakguard(['scan', '.', '--format', 'json'], d)).findings;
  expect(f).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ file: 'conf.json', provider: 'OpenAI', encoding: 'base64' }),
      expect.objectContaining({ file: 'url.txt', provider: 'Cloudinary', encoding: 'percent' }),
    ]),
  );
});

test('rules and explain', () => {
  const d = tempDir();
  const rules = JSON.parse(leakguard(['rules', '--format', 'json'], d).stdout);
  for (const r of rules.rules) expect(JSON.stringify(r.playbook)).toMatch(/https:\/\//);
  const ex = leakguard(['explain', 'openai'], d);
  expect(ex.code).toBe(0);
  expect(ex.out).toContain('https://platform.openai.com/api-keys');
  expect(leakguard(['explain', 'nope'], d).code).toBe(2);
});

test('this repository scans clean: no key-shaped string is committed', () => {
  const res = leakguard(['scan', '.', '--format', 'json'], path.resolve(__dirname, '..'));
  expect(JSON.parse(res.stdout).findings).toEqual([]);
  expect(res.code).toBe(0);
});

test('a large folder is scanned on both cores; node_modules, lock files and bundles are skipped unless named', () => {
  const d = tempDir();
  for (let i = 0; i < 2100; i++) write(d, `src/m${i % 20}/f${i}.js`, `export const v${i} = ${i};\n`);
  write(d, 'src/m1/f1.js', fakeLine('openai', 'odd-half') + '\n');
  write(d, 'src/m2/f2.js', fakeLine('anthropic', 'even-half') + '\n');
  write(d, 'node_modules/pkg/index.js', fakeLine('cohere', 'nm') + '\n');
  write(d, 'dist/app.min.js', fakeLine('pinecone', 'min') + '\n');
  const res = leakguard(['scan', '.', '--format', 'json'], d);
  expect(
    json(res)
      .findings.map((f) => f.file)
      .sort(),
  ).toEqual(['src/m1/f1.js', 'src/m2/f2.js']);
  expect(json(res).stats.filesScanned).toBe(2100);
  expect(json(leakguard(['scan', 'node_modules', '--format', 'json'], d)).findings.map((f) => f.file)).toEqual([
    'node_modules/pkg/index.js',
  ]);
  write(d, '.leakguard.json', '{ "defaultSkips": false }');
  expect(json(leakguard(['scan', '.', '--format', 'json'], d)).findings).toHaveLength(4);
});
