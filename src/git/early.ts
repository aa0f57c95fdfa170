/**
 * A git process started before the code that reads its output has loaded. The pre-commit hook starts its
 * one `git diff --cached` first thing (src/cli.ts), so git reads the index and the objects while node
 * loads the engine and the rules, and node forks while it is still small. The stream() of the very same
 * command (same folder, arguments and settings, no input) takes the process over instead of starting its
 * own. Until then its output waits in memory (up to BUFFER bytes; then git waits, as with any full pipe)
 * and its 'close' is held back until that output has been read. One never taken over (a skipped hook, a
 * config error) is killed when node exits.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';

const BUFFER = 8 * 1024 * 1024;

/** What Git.stream uses of a child process: its output streams, 'error' and 'close', kill, and a stdin to end. */
class EarlyChild extends EventEmitter {
  readonly stdout = new PassThrough({ highWaterMark: BUFFER });
  readonly stderr = new PassThrough({ highWaterMark: BUFFER });
  readonly stdin = new Writable({ write: (_c, _e, done) => done() }); // the real one was ended at the start
  error?: Error;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    super();
    child.stdin.on('error', () => undefined);
    child.stdin.end();
    child.stdout.pipe(this.stdout);
    child.stderr.pipe(this.stderr);
    child.on('error', (e) => {
      this.error = e;
      if (this.listenerCount('error')) this.emit('error', e); // once taken over
    });
    const ended = Promise.all([this.stdout, this.stderr].map((s) => new Promise((r) => s.once('end', r))));
    child.on('close', (code, signal) => void ended.then(() => this.emit('close', code, signal)));
  }

  kill(): boolean {
    return this.child.kill();
  }
}

let early: { key: string; child: EarlyChild } | undefined;

/** The identity of a git command: a process is taken over only by a call that would run exactly it. */
export const commandKey = (cwd: string, args: string[], config: string[]): string => JSON.stringify([cwd, args, config]);

export function keepEarly(key: string, child: ChildProcessWithoutNullStreams): void {
  const entry = { key, child: new EarlyChild(child) };
  early = entry;
  process.once('exit', () => {
    if (early === entry) entry.child.kill();
  });
}

/** The early process for this command, once; undefined when there is none or it could not start (then git is started again the ordinary way, which reports why). */
export function takeEarly(key: string): ChildProcessWithoutNullStreams | undefined {
  const e = early;
  if (!e || e.key !== key) return undefined;
  early = undefined;
  if (e.child.error) return undefined;
  return e.child as unknown as ChildProcessWithoutNullStreams;
}
