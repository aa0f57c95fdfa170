/** Git edge cases: LFS pointers, detached HEAD, spaces in the repo path, symlinks, subdirectories. */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, gitTry, json, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeLine } from './support/keys';
import { pathWithLeakguard } from './support/path-bin';

test('a Git LFS pointer is noted, not scanned as the file it stands for', () => {
  const r = newRepo();
  write(r, 'model.bin', 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'ab'.repeat(32) + '\nsize 123456\n');
  git(r, ['add', '.']);
  const res = leakguard(['scan', '--staged', '--format', 'json'], r);
  expect(res.code).toBe(0);
  expect(JSON.parse(res.stdout).notices).toEqual([expect.objectContaining({ file: 'model.bin', reason: expect.stringContaining('LFS') })]);
});

test('detached HEAD', () => {
  const r = newRepo();
  write(r, 'a.txt', 'a\n');
  commitAll(r, 'a');
  git(r, ['checkout', '-q', '--detach']);
  write(r, 'k.env', fakeLine('anthropic', 'detached') + '\n');
  git(r, ['add', '.']);
  expect(leakguard(['scan', '--staged'], r).code).toBe(1);
});

test('a repository whose path has spaces, with the hook installed', () => {
  const r = newRepo({ dir: path.join(tempDir(), 'my repo', 'with spaces') });
  write(r, 'a.txt', 'a\n');
  commitAll(r, 'a');
  expect(leakguard(['install'], r).code).toBe(0);
  write(r, 'k.env', fakeLine('openai', 'spaces') + '\n');
  git(r, ['add', '.']);
  expect(gitTry(r, ['commit', '-qm', 'k'], pathWithLeakguard()).code).not.toBe(0);
});

test('symlinks are not followed', () => {
  const outside = tempDir();
  write(outside, 'secret.env', fakeLine('openai', 'symlink') + '\n');
  const r = newRepo();
  fs.symlinkSync(path.join(outside, 'secret.env'), path.join(r, 'link.env'));
  git(r, ['add', '.']);
  expect(leakguard(['scan', '--staged'], r).code).toBe(0);
  expect(leakguard(['scan', '.'], r).code).toBe(0);
});

test('run from a subdirectory: paths are from the repo root', () => {
  const r = newRepo();
  write(r, 'deep/er/k.env', fakeLine('cohere', 'sub') + '\n');
  git(r, ['add', '.']);
  const res = leakguard(['scan', '--staged', '--format', 'json'], path.join(r, 'deep', 'er'));
  expect(json(res).findings.map((f) => f.file)).toEqual(['deep/er/k.env']);
});

test('an empty repository has nothing to scan', () => {
  const r = newRepo();
  expect(leakguard(['scan', '--staged'], r).code).toBe(0);
  expect(leakguard(['scan', '--all-history'], r).code).toBe(0);
});
