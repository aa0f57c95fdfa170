/**
 * leakguard never writes through a symbolic link or outside the repository: fix (.gitignore, .env, sources),
 * install (husky and git hooks) and baseline refuse with exit 2 and one line, and the outside file is untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeKey } from './support/keys';

function outsideFile(text?: string): string {
  const f = path.join(tempDir('lg-outside-'), 'target');
  if (text !== undefined) fs.writeFileSync(f, text);
  return f;
}

function refused(r: { code: number; stderr: string }): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/refusing to write/);
  expect(r.stderr.trim().split('\n')[0].length).toBeGreaterThan(0);
}

function stagedKey(r: string): void {
  write(r, 'pay.js', `const k = "${fakeKey('openai', 'sw')}";\nmodule.exports = k;\n`);
  git(r, ['add', 'pay.js']);
}

test('fix refuses a .gitignore that links outside, and writes nothing there', () => {
  const r = newRepo();
  const out = outsideFile();
  write(r, 'README', 'hi\n');
  fs.symlinkSync(out, path.join(r, '.gitignore'));
  commitAll(r, 'init');
  stagedKey(r);
  refused(leakguard(['fix', '--yes'], r));
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.lstatSync(path.join(r, '.gitignore')).isSymbolicLink()).toBe(true);
});

test('fix refuses a .env that links outside (existing outside file keeps its bytes)', () => {
  const r = newRepo();
  const out = outsideFile('A=1\n');
  write(r, '.gitignore', '/.env\n');
  commitAll(r, 'init');
  fs.symlinkSync(out, path.join(r, '.env'));
  stagedKey(r);
  const res = leakguard(['fix', '--yes'], r);
  expect(res.code).not.toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toBe('A=1\n');
});

test('install refuses a husky hook that links outside', () => {
  const r = newRepo();
  const out = outsideFile('export FOO=1\n');
  fs.mkdirSync(path.join(r, '.husky', '_'), { recursive: true });
  write(r, '.husky/_/h', '');
  fs.symlinkSync(out, path.join(r, '.husky', 'pre-commit'));
  commitAll(r, 'husky');
  git(r, ['config', 'core.hooksPath', '.husky/_']);
  refused(leakguard(['install'], r));
  expect(fs.readFileSync(out, 'utf8')).toBe('export FOO=1\n');
});

test('install refuses a husky folder that is a link to a folder outside', () => {
  const r = newRepo();
  const outDir = tempDir('lg-outside-');
  fs.mkdirSync(path.join(outDir, '_'));
  fs.symlinkSync(outDir, path.join(r, '.husky'));
  git(r, ['config', 'core.hooksPath', '.husky/_']);
  refused(leakguard(['install'], r));
  expect(fs.existsSync(path.join(outDir, 'pre-commit'))).toBe(false);
});

test('install refuses a git hook with leakguard lines that links outside', () => {
  const r = newRepo();
  expect(leakguard(['install'], r).code).toBe(0);
  const hooks = path.join(r, '.git', 'hooks');
  const out = outsideFile(fs.readFileSync(path.join(hooks, 'pre-commit'), 'utf8').replace('leakguard scan', 'leakguard  scan'));
  const before = fs.readFileSync(out, 'utf8');
  fs.rmSync(path.join(hooks, 'pre-commit'));
  fs.symlinkSync(out, path.join(hooks, 'pre-commit'));
  const res = leakguard(['install'], r);
  if (res.code !== 0) refused(res);
  expect(fs.readFileSync(out, 'utf8')).toBe(before);
});

test('baseline refuses a baseline file that links outside, and a plain one is written atomically', () => {
  const r = newRepo();
  const out = outsideFile();
  write(r, 'README', 'hi\n');
  fs.symlinkSync(out, path.join(r, '.leakguard-baseline.json'));
  commitAll(r, 'init');
  refused(leakguard(['baseline'], r));
  expect(fs.existsSync(out)).toBe(false);
  fs.rmSync(path.join(r, '.leakguard-baseline.json'));
  expect(leakguard(['baseline'], r).code).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(r, '.leakguard-baseline.json'), 'utf8')).version).toBe(1);
  expect(fs.readdirSync(r).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
