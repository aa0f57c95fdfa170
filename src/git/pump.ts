/**
 * Output too large for this thread to keep up with, read by a second thread.
 *
 * A history audit is git printing and this thread scanning, each about as fast as the other. Read on the
 * same thread that scans, git's output waits in a 64 KB pipe whenever a scan runs, and git stops until
 * the scan is done: the two take turns instead of working at once (about 1.5x the time git alone needs,
 * bench/history.mjs). Here a worker thread reads the pipe as fast as git writes and posts the chunks on;
 * this thread takes them in order. At most `limit` bytes (8 MB) wait between the two.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface PumpJob {
  cmd: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  input: string;
  limit: number;
}

export interface PumpEnd {
  end: true;
  code: number | null;
  stderr: string;
  /** Set when the process could not be started (ENOENT: not installed). */
  errno?: string;
}

const WORKER = path.join(__dirname, 'pump-worker.js');
const LIMIT = 8 * 1024 * 1024;

/** Whether the pump can run here (its worker is compiled JavaScript: not when the sources run as TypeScript). */
export function pumpAvailable(): boolean {
  return fs.existsSync(WORKER);
}

let warm: Worker | undefined;

/** Starts the pump's thread ahead of its job: its start-up then overlaps loading the config and the rules. */
export function warmPump(): void {
  if (!warm && pumpAvailable()) {
    warm = new Worker(WORKER);
    warm.unref(); // a command that fails before its history is read must still exit
  }
}

/** Runs the process in a worker and hands its stdout to onData, in order; resolves with its end. */
export function pump(job: Omit<PumpJob, 'limit'>, onData: (chunk: Buffer) => void | Promise<void>, limit = LIMIT): Promise<PumpEnd> {
  return new Promise((resolve, reject) => {
    const worker = warm ?? new Worker(WORKER);
    worker.ref();
    warm = undefined;
    worker.postMessage({ ...job, limit });
    let failed: unknown;
    let queue = Promise.resolve();
    worker.on('message', (m: Uint8Array | PumpEnd) => {
      if (!(m instanceof Uint8Array)) {
        ended = true;
        // Every chunk was posted before the end: finish once those already taken are done.
        void queue.then(() => (failed ? reject(failed) : resolve(m))).finally(() => void worker.terminate());
        return;
      }
      const chunk = Buffer.from(m.buffer, m.byteOffset, m.byteLength);
      queue = queue.then(async () => {
        if (failed) return;
        try {
          await onData(chunk);
          worker.postMessage(chunk.length);
        } catch (e) {
          failed = e;
          worker.postMessage('stop');
        }
      });
    });
    worker.on('error', reject);
    let ended = false;
    worker.on('exit', () => {
      if (!ended) reject(new Error('the thread reading git stopped before git did'));
    });
  });
}
