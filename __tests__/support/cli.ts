/** Runs the built CLI and real git in temp repos. Every repo sets its own identity and branch. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
}

export function leakguard(args: string[], cwd: string, opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

export function git(cwd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return String(r.stdout);
}

/** git that may fail: returns the exit code and output (for commits and pushes through hooks). */
export function gitTry(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'lg-'): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(d);
  return d;
}

export function newRepo(opts: { bare?: boolean; dir?: string } = {}): string {
  const dir = opts.dir ?? tempDir();
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main', ...(opts.bare ? ['--bare'] : [])]);
  if (!opts.bare) {
    git(dir, ['config', 'user.name', 'Test User']);
    git(dir, ['config', 'user.email', 'test@example.com']);
    git(dir, ['config', 'commit.gpgsign', 'false']);
  }
  return dir;
}

export function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

export function commitAll(dir: string, msg: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--no-verify', '-m', msg]);
}

/** A new repository where `file` holds `first` in one commit and `second` in the next. */
export function twoCommits(file: string, first: string, second: string): string {
  const r = newRepo();
  write(r, file, first);
  commitAll(r, 'first');
  write(r, file, second);
  commitAll(r, 'second');
  return r;
}

export function json(r: Run): {
  findings: Array<Record<string, unknown>>;
  stats: Record<string, number>;
  suppressed: Record<string, number>;
} {
  return JSON.parse(r.stdout);
}

/** A repository with one commit already pushed to a local bare remote named origin. */
export function pushedRepo(file = 'a.txt', text = 'a\n'): { r: string; remote: string } {
  const remote = newRepo({ bare: true });
  const r = newRepo();
  git(r, ['remote', 'add', 'origin', remote]);
  write(r, file, text);
  commitAll(r, 'init');
  git(r, ['push', '-q', 'origin', 'main']);
  return { r, remote };
}
