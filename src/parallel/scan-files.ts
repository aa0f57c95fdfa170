/**
 * Splits a directory scan between this thread and a worker, so a large tree uses both cores. Both take
 * files from one shared counter (file-share.ts); the findings and notices are then put back in file
 * order, the same as a scan on one thread gives. The worker is only started once the scan has run for
 * a while with files left: a small scan never pays for its start-up.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Engine } from '../engine/scan';
import { builtinPrefilter } from '../rules/load';
import type { Rule } from '../rules/types';
import type { Finding } from '../engine/finding';
import type { Emit, Notice, SourceStats } from '../sources/fragment';
import { filesSource } from '../sources/files';
import { NEXT_FILE, scanShare, STATE_SLOTS, WORKER_GATE, type ShareResult } from './file-share';

/** The worker takes tens of milliseconds to start: it is started when this much scanning is behind us... */
const HELP_AFTER_MS = 25;
/** ...and at least this many files are still to be read. */
const HELP_IF_FILES_LEFT = 32;

interface Helper {
  worker: Worker;
  result: Promise<ShareResult>;
}

function startHelper(files: Array<[string, string]>, ignored: Uint8Array, rules: Rule[], state: Int32Array): Helper {
  const worker = new Worker(path.join(__dirname, 'files-worker.js'), { workerData: { files, ignored, rules, state } });
  const result = new Promise<ShareResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, result };
}

export async function scanFilesInParallel(
  files: Array<[string, string]>,
  rules: Rule[],
  isIgnored: (rel: string) => boolean,
  emit: Emit,
  onFinding: (f: Finding) => void,
  notices: Notice[],
): Promise<SourceStats> {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (files.length < HELP_IF_FILES_LEFT || cores < 2) return filesSource(files, emit, notices);
  const state = new Int32Array(new SharedArrayBuffer(STATE_SLOTS * 4));
  const ignored = Uint8Array.from(files, ([, rel]) => (isIgnored(rel) ? 1 : 0));
  // This thread's own engine: its findings are kept by file, to be put back in file order with the worker's.
  const engine = new Engine(rules, builtinPrefilter());
  const started = performance.now();
  let helper: Helper | undefined;
  const mine = scanShare(files, ignored, engine, state, () => {
    if (!helper && performance.now() - started > HELP_AFTER_MS && files.length - Atomics.load(state, NEXT_FILE) >= HELP_IF_FILES_LEFT)
      helper = startHelper(files, ignored, rules, state);
  });
  const parts = [mine];
  if (helper) {
    // If the worker had not started taking files yet, it never will: no need to wait for it.
    if (Atomics.compareExchange(state, WORKER_GATE, 0, 2) !== 0) parts.push(await helper.result);
    else helper.result.catch(() => undefined);
    await helper.worker.terminate();
  }
  const byFile = parts.flatMap((p) => p.byFile).sort((a, b) => a[0] - b[0]);
  for (const [, found, said] of byFile) {
    for (const f of found) onFinding(f);
    notices.push(...said);
  }
  return {
    filesScanned: parts.reduce((n, p) => n + p.stats.filesScanned, 0),
    linesScanned: parts.reduce((n, p) => n + p.stats.linesScanned, 0),
    commitsScanned: 0,
  };
}
