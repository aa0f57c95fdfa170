/**
 * One history read by several `git log -p` processes at once, handed on as if one process had printed it.
 *
 * git's side of a history audit (inflating trees and blobs, diffing) is single-threaded. Asked for
 * (LEAKGUARD_GIT_PROCESSES; on two cores it measured slower, see sources/history.ts), the commits are
 * split: rev-list lists them (a stream, in git log's own order), they are cut into batches, and each
 * batch is read by its own `git log --no-walk=unsorted --stdin` (ids on stdin, never the command line).
 * Up to `processes` batches run at once. The output of the batch being parsed goes straight through;
 * a later batch's output waits in memory (up to WAITING_BYTES, then its git is paused). Every batch ends
 * with a commit's last line, so the bytes handed on are exactly those one `git log` of the same
 * commits prints, in the same order (see __tests__/history-parallel.test.ts).
 */
import type { Git } from './index';

/** Commits listed before batches are cut; a longer history goes in batches of STREAM_BATCH while rev-list runs. */
const HOLD = 40_000;
const STREAM_BATCH = 10_000;
/** Batches per process for a history held whole: small enough to keep every process busy to the end. */
const BATCHES_PER_PROCESS = 3;
/** Output a waiting batch may hold before its git is paused (memory stays bounded whatever the history). */
const WAITING_BYTES = 2 * 1024 * 1024;

interface Batch {
  commits: string[];
  chunks: Buffer[];
  bytes: number;
  finished: boolean;
  /** Resumes the batch's paused git. */
  resume?: () => void;
}

/** Reads `git log <args>` of the commits `revs` selects, through up to `processes` git processes, in order. */
export async function readLogInBatches(
  git: Git,
  revs: string[],
  args: string[],
  processes: number,
  onData: (d: Buffer) => void,
): Promise<void> {
  const run = new OrderedBatches(git, args, Math.max(1, processes), onData);
  let held: string[] = [];
  let carry = '';
  await git.stream(['rev-list', ...revs, '--'], (d) => {
    const lines = (carry + d.toString('latin1')).split('\n');
    carry = lines.pop()!;
    for (const l of lines) if (l) held.push(l);
    if (held.length >= HOLD + STREAM_BATCH) run.add(held.splice(0, STREAM_BATCH));
    return run.backlog();
  });
  if (carry) held.push(carry);
  const count = processes < 2 ? 1 : processes * BATCHES_PER_PROCESS;
  for (let i = 0; i < count; i++) run.add(held.slice(Math.floor((i * held.length) / count), Math.floor(((i + 1) * held.length) / count)));
  held = [];
  await run.finish();
}

class OrderedBatches {
  private readonly batches: Batch[] = [];
  /** The batch whose output goes straight to onData. */
  private current = 0;
  private started = 0;
  private running = 0;
  private failure?: Error;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly git: Git,
    private readonly args: string[],
    private readonly processes: number,
    private readonly onData: (d: Buffer) => void,
  ) {}

  add(commits: string[]): void {
    if (commits.length) this.batches.push({ commits, chunks: [], bytes: 0, finished: false });
    this.startMore();
  }

  /** A promise while enough batches wait to be started (rev-list then pauses: memory stays flat). */
  backlog(): Promise<void> | undefined {
    return this.batches.length - this.started > this.processes ? this.changed() : undefined;
  }

  async finish(): Promise<void> {
    while (this.current < this.batches.length) await this.changed();
  }

  private startMore(): void {
    while (!this.failure && this.running < this.processes && this.started < this.batches.length) this.start(this.started++);
  }

  private start(i: number): void {
    const b = this.batches[i];
    const input = b.commits.join('\n') + '\n';
    b.commits = [];
    this.running++;
    this.git
      .stream([...this.args, '--no-walk=unsorted', '--stdin', '--'], (d) => this.data(i, d), input)
      .then(
        () => {
          this.running--;
          b.finished = true;
          this.advance();
          this.startMore();
          this.wake();
        },
        (e: Error) => {
          this.failure ??= e;
          this.wake();
        },
      );
  }

  private data(i: number, d: Buffer): Promise<void> | undefined {
    if (i === this.current) {
      this.onData(d);
      return undefined;
    }
    const b = this.batches[i];
    b.chunks.push(d);
    b.bytes += d.length;
    return b.bytes > WAITING_BYTES ? new Promise((resolve) => (b.resume = resolve)) : undefined;
  }

  /** Past every finished batch at the front: the next one's waiting output goes on, and its git resumes. */
  private advance(): void {
    while (this.current < this.batches.length && this.batches[this.current].finished) {
      const next = this.batches[++this.current];
      if (!next) break;
      for (const c of next.chunks) this.onData(c);
      next.chunks = [];
      next.bytes = 0;
      next.resume?.();
      next.resume = undefined;
    }
  }

  /** Resolves on the next finished batch; rejects once one failed. */
  private changed(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push(() => (this.failure ? reject(this.failure) : resolve())));
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
