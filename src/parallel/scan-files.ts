/**
 * Splits a directory scan between this thread and a worker when the tree is big enough to pay for
 * the worker's start-up (about 30 ms): both cores read and scan files at once.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Rule } from '../rules/types';
import type { Finding } from '../engine/finding';
import type { Emit, Notice, SourceStats } from '../sources/fragment';
import { filesSource } from '../sources/files';

const MIN_FILES_FOR_WORKER = 2000;

export async function scanFilesInParallel(
  files: Array<[string, string]>,
  rules: Rule[],
  isIgnored: (rel: string) => boolean,
  emit: Emit,
  onWorkerFinding: (f: Finding) => void,
  notices: Notice[],
): Promise<SourceStats> {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (files.length < MIN_FILES_FOR_WORKER || cores < 2) return filesSource(files, emit, notices);
  // Interleave so both halves get a similar mix of big and small folders.
  const mine = files.filter((_, i) => i % 2 === 0);
  const theirs = files.filter((_, i) => i % 2 === 1);
  const worker = new Worker(path.join(__dirname, 'files-worker.js'), {
    workerData: { files: theirs, rules, ignoredPaths: theirs.map(([, rel]) => rel).filter(isIgnored) },
  });
  const done = new Promise<{ findings: Finding[]; notices: Notice[]; stats: SourceStats }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const own = filesSource(mine, emit, notices);
  const other = await done;
  await worker.terminate();
  for (const f of other.findings) onWorkerFinding(f);
  notices.push(...other.notices);
  return {
    filesScanned: own.filesScanned + other.stats.filesScanned,
    linesScanned: own.linesScanned + other.stats.linesScanned,
    commitsScanned: 0,
  };
}
