/** `scan --staged` and the pre-commit hook, in real temp repos. */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, gitTry, json, leakguard, newRepo, write } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';
import { pathWithLeakguard } from './support/path-bin';
import { foundIn, scanRepo } from './support/pipeline';

const PROVIDERS = ['openai', 'anthropic', 'cohere', 'pinecone', 'cloudinary'] as const;
const CONSOLES: Record<string, string> = {
  openai: 'https://platform.openai.com/api-keys',
  anthropic: 'https://console.anthropic.com/settings/keys',
  cohere: 'https://dashboard.cohere.com/api-keys',
  pinecone: 'https://app.pinecone.io/',
  cloudinary: 'https://console.cloudinary.com/',
};

function repoWithHook(): string {
  const r = newRepo();
  write(r, 'README.md', 'hello\n');
  commitAll(r, 'init');
  expect(leakguard(['install'], r).code).toBe(0);
  return r;
}

// The hook finds leakguard on PATH, as after a global install.
const env = pathWithLeakguard();

describe('pre-commit hook blocks each seed provider', () => {
  const r = repoWithHook();
  test.each(PROVIDERS)('%s', (p) => {
    write(r, `cfg_${p}.txt`, `x = 1\n${fakeLine(p, 'hook')}\n`);
    git(r, ['add', `cfg_${p}.txt`]);
    const res = gitTry(r, ['commit', '-qm', `add ${p}`], env);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain(`cfg_${p}.txt:2`);
    expect(res.out).toContain(CONSOLES[p]);
    expect(res.out).not.toContain(fakeKey(p, 'hook'));
    expect(res.out).toContain(`git restore --staged cfg_${p}.txt`);
    git(r, ['reset', '-q']);
    fs.rmSync(path.join(r, `cfg_${p}.txt`));
  });
});

describe('scan --staged', () => {
  test('judges the index, not the work tree (partial staging both ways)', async () => {
    const r = newRepo();
    write(r, 'a.txt', 'a = 1\n');
    git(r, ['add', 'a.txt']);
    fs.appendFileSync(path.join(r, 'a.txt'), fakeLine('openai', 'wt') + '\n');
    expect(await foundIn(r, 'staged')).toEqual([]);
    git(r, ['add', 'a.txt']);
    write(r, 'a.txt', 'a = 1\n');
    expect(await foundIn(r, 'staged')).toEqual(['a.txt']);
  });

  test('JSON output follows the contract', () => {
    const r = newRepo();
    write(r, 'j.txt', fakeLine('anthropic', 'j') + '\n');
    git(r, ['add', 'j.txt']);
    const res = leakguard(['scan', '--staged', '--format', 'json'], r);
    expect(res.code).toBe(1);
    const f = json(res).findings[0];
    expect(f).toMatchObject({ ruleId: 'anthropic-api-key', provider: 'Anthropic', file: 'j.txt', line: 1, severity: 'critical' });
    expect(String(f.match)).not.toContain(fakeKey('anthropic', 'j'));
    expect(String(f.fingerprint)).toMatch(/^anthropic-api-key:[0-9a-f]{16}$/);
  });

  test('--no-redact prints the whole key', () => {
    const r = newRepo();
    write(r, 'k.txt', fakeLine('pinecone', 'nr') + '\n');
    git(r, ['add', 'k.txt']);
    const res = leakguard(['scan', '--staged', '--no-redact', '--format', 'json'], r);
    expect(json(res).findings[0].match).toBe(fakeKey('pinecone', 'nr'));
  });

  test('placeholders and random strings outside any provider context stay quiet', () => {
    const r = newRepo();
    write(
      r,
      'ph.md',
      [
        'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'ANTHROPIC_API_KEY=<your-anthropic-api-key>',
        'ANTHROPIC_API_KEY=sk-ant-api03-...',
        'export PINECONE_API_KEY=YOUR_PINECONE_API_KEY',
        'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>',
        'co = cohere.Client("YOUR_API_KEY")',
        `random = "${fakeKey('cohere', 'rand')}"`,
        'AKIAIOSFODNN7EXAMPLE',
      ].join('\n') + '\n',
    );
    git(r, ['add', 'ph.md']);
    const res = leakguard(['scan', '--staged'], r);
    expect(res.out).toBe('');
    expect(res.code).toBe(0);
  });

  test('first commit (no HEAD), renames, deletions, binary and big files', async () => {
    const r = newRepo();
    write(r, 'first.txt', fakeLine('openai', 'first') + '\n');
    git(r, ['add', '.']);
    expect(await foundIn(r, 'staged')).toEqual(['first.txt']);
    git(r, ['commit', '-qm', 'first', '--no-verify']);
    git(r, ['mv', 'first.txt', 'moved.txt']);
    expect(await foundIn(r, 'staged')).toEqual([]); // a pure rename adds no line
    git(r, ['commit', '-qm', 'mv', '--no-verify']);
    git(r, ['rm', '-q', 'moved.txt']);
    expect(await foundIn(r, 'staged')).toEqual([]);
    fs.writeFileSync(
      path.join(r, 'blob.bin'),
      Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(fakeKey('anthropic', 'bin')), Buffer.from([0])]),
    );
    fs.writeFileSync(path.join(r, 'big.txt'), 'a'.repeat(6 * 1024 * 1024));
    write(r, 'beside.txt', fakeLine('cohere', 'beside') + '\n');
    git(r, ['add', '.']);
    const { result } = await scanRepo(r, 'staged');
    // Binary content is read through its printable text; a big file is streamed, not skipped.
    expect(result.findings.map((f) => f.file).sort()).toEqual(['beside.txt', 'blob.bin']);
    expect(result.notices).toEqual([]);
    expect(result.stats.filesScanned).toBe(3);
  });

  test('odd file names, CRLF and non-UTF-8 bytes', async () => {
    const r = newRepo();
    write(r, 'dir with space/ключ.env', fakeLine('cloudinary', 'odd') + '\n');
    write(r, 'new\nline.txt', fakeLine('openai', 'nl') + '\n');
    fs.writeFileSync(
      path.join(r, 'latin1.txt'),
      Buffer.concat([Buffer.from('caf\xe9 = 1\r\n', 'latin1'), Buffer.from(fakeLine('pinecone', 'crlf') + '\r\n')]),
    );
    git(r, ['add', '-A']);
    const { result } = await scanRepo(r, 'staged');
    expect(result.findings.map((f) => f.file).sort()).toEqual(['dir with space/ключ.env', 'latin1.txt', 'new\nline.txt']);
    expect(result.findings.find((f) => f.file === 'latin1.txt')).toMatchObject({ line: 2 });
  });

  test('a submodule is not descended into, and is said so', () => {
    const sub = newRepo();
    write(sub, 'k.txt', fakeLine('openai', 'sub') + '\n');
    commitAll(sub, 'sub');
    const r = newRepo();
    git(r, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub']);
    const res = leakguard(['scan', '--staged', '--format', 'json'], r);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).notices).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'vendor/sub' })]));
  });

  test('SKIP=leakguard skips with a warning', () => {
    const r = newRepo();
    write(r, 'k.txt', fakeLine('openai', 'skip') + '\n');
    git(r, ['add', '.']);
    const res = leakguard(['scan', '--staged'], r, { env: { SKIP: 'eslint,leakguard' } });
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/skipped \(SKIP=leakguard\)/);
  });

  test('the block message lists the files that read the key variable', () => {
    const r = newRepo();
    write(r, 'svc/api/client.ts', 'const k = process.env.OPENAI_API_KEY;\n');
    write(r, 'svc/worker/run.py', 'import os; k = os.environ["OPENAI_API_KEY"]\n');
    write(r, 'deploy/app.yaml', 'env:\n  - name: OPENAI_API_KEY\n    value: ${OPENAI_API_KEY}\n');
    commitAll(r, 'base');
    write(r, 'leak.ts', fakeLine('openai', 'inv') + '\n');
    git(r, ['add', 'leak.ts']);
    const res = leakguard(['scan', '--staged'], r);
    for (const f of ['svc/api/client.ts', 'svc/worker/run.py', 'deploy/app.yaml']) expect(res.out).toContain(f);
    expect(res.out).toContain('process.env.OPENAI_API_KEY');
  });
});
