/**
 * The thread behind pump.ts: it runs one process and only passes its output on, so the process never
 * waits on a full pipe while the main thread is busy scanning. It stops reading when the main thread
 * has not yet taken `limit` bytes, and goes on when half of them are taken: memory stays bounded.
 */
import { spawn } from 'node:child_process';
import { parentPort } from 'node:worker_threads';
import type { PumpEnd, PumpJob } from './pump';

const port = parentPort!;
const BATCH = 256 * 1024;

/** The job comes as the first message: the thread may be started before the job is known (warmPump). */
function run({ cmd, args, cwd, env, input, limit }: PumpJob): void {
  const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const err: Buffer[] = [];
  let waiting = 0;
  let paused = false;
  const end = (e: PumpEnd) => port.postMessage(e);

  // git writes a few KB at a time: chunks are gathered into one message of up to BATCH bytes (or what came
  // within a few milliseconds), so the threads exchange a few hundred messages, not thousands.
  let held: Buffer[] = [];
  let heldBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!heldBytes) return;
    const own = new Uint8Array(heldBytes); // its own buffer, handed over without a second copy
    let at = 0;
    for (const c of held) {
      own.set(c, at);
      at += c.length;
    }
    held = [];
    heldBytes = 0;
    port.postMessage(own, [own.buffer]);
  };
  child.stdout.on('data', (d: Buffer) => {
    waiting += d.length;
    held.push(d);
    heldBytes += d.length;
    if (heldBytes >= BATCH) flush();
    else timer ??= setTimeout(flush, 2);
    if (waiting > limit && !paused) {
      paused = true;
      child.stdout.pause();
    }
  });
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.on('error', (e: NodeJS.ErrnoException) => end({ end: true, code: null, stderr: e.message, errno: e.code }));
  child.on('close', (code) => {
    flush();
    end({ end: true, code, stderr: Buffer.concat(err).toString('utf8') });
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);

  port.on('message', (m: number | 'stop') => {
    if (m === 'stop') {
      child.kill();
      child.stdout.resume();
      return;
    }
    waiting -= m;
    if (paused && waiting <= limit / 2) {
      paused = false;
      child.stdout.resume();
    }
  });
}

port.once('message', (job: PumpJob) => run(job));
