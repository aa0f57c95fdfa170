/** `install` / `uninstall`: plain hooks folder, an existing hook, core.hooksPath, a worktree, husky. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { commitAll, git, gitTry, leakguard, newRepo, ROOT, write } from './support/cli';
import { fakeLine } from './support/keys';
import { pathWithLeakguard } from './support/path-bin';

const env = pathWithLeakguard();

test('an existing pre-commit hook keeps running, and uninstall restores it byte for byte', () => {
  const r = newRepo();
  write(r, 'a.txt', 'a\n');
  commitAll(r, 'init');
  const hook = path.join(r, '.git', 'hooks', 'pre-commit');
  const original = '#!/bin/sh\necho own-hook-ran >> "$(git rev-parse --git-dir)/ran"\n# no trailing newline';
  fs.writeFileSync(hook, original, { mode: 0o755 });
  expect(leakguard(['install'], r).code).toBe(0);
  write(r, 'k.txt', fakeLine('openai', 'inst') + '\n');
  git(r, ['add', 'k.txt']);
  expect(gitTry(r, ['commit', '-qm', 'k'], env).code).not.toBe(0);
  expect(fs.readFileSync(path.join(r, '.git', 'ran'), 'utf8')).toContain('own-hook-ran');
  git(r, ['reset', '-q']);
  fs.rmSync(path.join(r, 'k.txt'));
  write(r, 'ok.txt', 'fine\n');
  git(r, ['add', 'ok.txt']);
  expect(gitTry(r, ['commit', '-qm', 'ok'], env).code).toBe(0);
  expect(leakguard(['install'], r).out).toContain('already');
  expect(leakguard(['uninstall'], r).code).toBe(0);
  expect(fs.readFileSync(hook, 'utf8')).toBe(original);
  expect(fs.statSync(hook).mode & 0o777).toBe(0o755);
  expect(fs.existsSync(path.join(r, '.git', 'hooks', 'pre-push'))).toBe(false);
});

test('core.hooksPath set by someone else is respected, not replaced', () => {
  const r = newRepo();
  git(r, ['config', 'core.hooksPath', 'githooks']);
  expect(leakguard(['install'], r).code).toBe(0);
  expect(git(r, ['config', 'core.hooksPath']).trim()).toBe('githooks');
  expect(fs.existsSync(path.join(r, 'githooks', 'pre-commit'))).toBe(true);
  expect(fs.existsSync(path.join(r, 'githooks', 'pre-push'))).toBe(true);
});

test('install from a linked worktree writes the shared hooks, and the hook blocks there', () => {
  const r = newRepo();
  write(r, 'a.txt', 'a\n');
  commitAll(r, 'init');
  const wt = path.join(path.dirname(r), `${path.basename(r)}-wt`);
  git(r, ['worktree', 'add', '-q', '-b', 'wt', wt]);
  try {
    expect(leakguard(['install'], wt).code).toBe(0);
    expect(fs.existsSync(path.join(r, '.git', 'hooks', 'pre-commit'))).toBe(true);
    write(wt, 'k.txt', fakeLine('cohere', 'wt') + '\n');
    git(wt, ['add', 'k.txt']);
    expect(gitTry(wt, ['commit', '-qm', 'k'], env).code).not.toBe(0);
  } finally {
    fs.rmSync(wt, { recursive: true, force: true });
  }
});

test('the hook fails closed with one line when leakguard cannot be found', () => {
  const r = newRepo();
  expect(leakguard(['install'], r).code).toBe(0);
  write(r, 'a.txt', 'a\n');
  git(r, ['add', 'a.txt']);
  const res = gitTry(r, ['commit', '-qm', 'a'], { PATH: '/usr/bin:/bin' });
  expect(res.code).not.toBe(0);
  expect(res.stderr).toContain('leakguard: not installed');
});

test('husky: lines are added to .husky hooks, husky keeps its hooksPath, uninstall restores the files', () => {
  const r = newRepo();
  write(r, 'package.json', '{ "name": "app", "private": true }\n');
  // husky 9 as its users have it: core.hooksPath=.husky/_ and hook files in .husky/.
  const init = spawnSync(
    process.execPath,
    [
      '-e',
      `import(${JSON.stringify(path.join(ROOT, 'node_modules', 'husky', 'index.js'))}).then(m => { const e = m.default(); if (e) { console.error(e); process.exit(1); } })`,
    ],
    { cwd: r, encoding: 'utf8' },
  );
  expect(init.stderr).toBe('');
  write(r, '.husky/pre-commit', 'echo husky-own-step >> .husky-ran\n');
  write(r, '.gitignore', '.husky-ran\n');
  commitAll(r, 'init');
  const before = fs.readFileSync(path.join(r, '.husky', 'pre-commit'), 'utf8');
  expect(leakguard(['install'], r).code).toBe(0);
  expect(git(r, ['config', 'core.hooksPath']).trim()).toBe('.husky/_');
  expect(fs.readFileSync(path.join(r, '.husky', 'pre-commit'), 'utf8')).toContain('leakguard scan --staged');
  expect(fs.readFileSync(path.join(r, '.husky', 'pre-push'), 'utf8')).toContain('leakguard scan --pre-push');
  write(r, 'leak.ts', fakeLine('openai', 'husky') + '\n');
  git(r, ['add', 'leak.ts']);
  expect(gitTry(r, ['commit', '-qm', 'leak'], env).code).not.toBe(0);
  expect(fs.existsSync(path.join(r, '.husky-ran'))).toBe(true);
  expect(leakguard(['uninstall'], r).code).toBe(0);
  expect(fs.readFileSync(path.join(r, '.husky', 'pre-commit'), 'utf8')).toBe(before);
  expect(fs.existsSync(path.join(r, '.husky', 'pre-push'))).toBe(false);
});
