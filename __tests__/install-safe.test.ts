/**
 * install / uninstall on hooks people already have: a husky hook that ends with `exit 0`, a hook the user
 * edited after install, a monorepo package folder below the repository root, a linked worktree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, commitAll, git, gitTry, leakguard, newRepo, ROOT, write } from './support/cli';
import { fakeKey } from './support/keys';

/** A PATH with node and git but no leakguard: only a devDependency install can be found. */
const BARE = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: '1' };

function devDependency(dir: string): void {
  fs.mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', '.bin', 'leakguard'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, {
    mode: 0o755,
  });
}

function blocks(dir: string, file: string): boolean {
  write(dir, file, `const k = "${fakeKey('openai', file)}";\n`);
  git(dir, ['add', file]);
  const r = gitTry(dir, ['commit', '-qm', 'leak'], BARE);
  git(dir, ['reset', '-q']);
  fs.rmSync(path.join(dir, file));
  return r.code !== 0 && r.out.includes(path.basename(file));
}

function cleanPasses(dir: string, file: string): boolean {
  write(dir, file, 'module.exports = 1;\n');
  git(dir, ['add', file]);
  return gitTry(dir, ['commit', '-qm', 'clean'], BARE).code === 0;
}

test.each([
  ['ending in exit 0', '#!/usr/bin/env sh\n# my checks\necho own >> .ran\nexit 0\n'],
  ['with an EXIT trap that exits 0', '#!/usr/bin/env sh\ntmp=$(mktemp)\ntrap "rm -f $tmp; exit 0" EXIT\necho own >> .ran\n'],
  ['with set +e', '#!/usr/bin/env sh\nset +e\necho own >> .ran\n'],
])('husky hook %s: the step runs where nothing can undo its block, and uninstall gives the file back', (_name, own) => {
  const r = newRepo();
  write(r, 'package.json', '{ "name": "app", "private": true }\n');
  const init = spawnSync(
    process.execPath,
    [
      '-e',
      `import(${JSON.stringify(path.join(ROOT, 'node_modules', 'husky', 'index.js'))}).then(m => { const e = m.default(); if (e) process.exit(1); })`,
    ],
    { cwd: r },
  );
  expect(init.status).toBe(0);
  devDependency(r);
  write(r, '.husky/pre-commit', own);
  write(r, '.gitignore', '.ran\nnode_modules\n');
  commitAll(r, 'init');
  expect(leakguard(['install'], r, { env: BARE }).code).toBe(0);
  expect(blocks(r, 'leak.js')).toBe(true);
  expect(cleanPasses(r, 'ok.js')).toBe(true);
  expect(fs.existsSync(path.join(r, '.ran'))).toBe(true);
  expect(leakguard(['uninstall'], r).code).toBe(0);
  expect(fs.readFileSync(path.join(r, '.husky', 'pre-commit'), 'utf8')).toBe(own);
});

test('uninstall keeps the lines a user added to the installed hook', () => {
  const r = newRepo();
  write(r, 'a.txt', 'a\n');
  commitAll(r, 'init');
  devDependency(r);
  expect(leakguard(['install'], r).code).toBe(0);
  const hook = path.join(r, '.git', 'hooks', 'pre-commit');
  const text = fs.readFileSync(hook, 'utf8').split('\n');
  fs.writeFileSync(hook, [text[0], 'echo mine', ...text.slice(1)].join('\n'));
  expect(leakguard(['uninstall'], r).code).toBe(0);
  expect(fs.readFileSync(hook, 'utf8')).toBe(`${text[0]}\necho mine\n`);
  expect(fs.statSync(hook).mode & 0o100).toBeTruthy();
});

test("monorepo: installed from a package folder below the root, the hooks find that folder's leakguard", () => {
  const r = newRepo();
  write(r, 'web/package.json', '{ "name": "web", "private": true }\n');
  write(r, '.gitignore', 'node_modules\n');
  devDependency(path.join(r, 'web'));
  commitAll(r, 'init');
  expect(leakguard(['install'], path.join(r, 'web'), { env: BARE }).code).toBe(0);
  expect(blocks(path.join(r, 'web'), 'src/leak.js')).toBe(true);
  expect(cleanPasses(path.join(r, 'web'), 'src/ok.js')).toBe(true);
});

test('linked worktree without its own node_modules: the hooks use the leakguard that installed them', () => {
  const r = newRepo();
  write(r, '.gitignore', 'node_modules\n');
  commitAll(r, 'init');
  devDependency(r);
  expect(leakguard(['install'], r, { env: BARE }).code).toBe(0);
  const wt = `${r}-wt`;
  git(r, ['worktree', 'add', '-q', '-b', 'wt', wt]);
  try {
    expect(blocks(wt, 'leak.js')).toBe(true);
    expect(cleanPasses(wt, 'ok.js')).toBe(true);
  } finally {
    fs.rmSync(wt, { recursive: true, force: true });
  }
});
