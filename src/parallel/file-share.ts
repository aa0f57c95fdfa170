/**
 * One thread's part of a directory scan split between threads. The threads share a counter of the next
 * file to take and take a few files at a time until none is left, so a slow file or a late start on one
 * side never leaves the other core idle. Findings and notices are kept by file index: put back in file
 * order, they are exactly those of a scan on one thread.
 */
import type { Engine } from '../engine/scan';
import type { Finding } from '../engine/finding';
import type { Emit, Notice, SourceStats } from '../sources/fragment';
import { scanFile } from '../sources/files';

/** Slots of the shared Int32Array. */
export const NEXT_FILE = 0;
/** 0 until one side claims it: 1 the worker started taking files, 2 this thread finished before it could. */
export const WORKER_GATE = 1;
export const STATE_SLOTS = 2;

/** Files taken at a time: small, as one counter update costs far less than reading a file. */
const TAKE = 4;

export interface ShareResult {
  /** [file index, its findings, its notices] for the files that have any. */
  byFile: Array<[number, Finding[], Notice[]]>;
  stats: SourceStats;
}

const dropFragment: Emit = () => undefined;

/**
 * Scans files taken from the shared counter until it passes the end. `ignored[i]` marks a path read but
 * not scanned; `between` runs after each take (the main thread starts its helper from there).
 */
export function scanShare(
  files: Array<[string, string]>,
  ignored: Uint8Array,
  engine: Engine,
  state: Int32Array,
  between?: () => void,
): ShareResult {
  const stats: SourceStats = { filesScanned: 0, linesScanned: 0, commitsScanned: 0 };
  const byFile: ShareResult['byFile'] = [];
  for (;;) {
    const first = Atomics.add(state, NEXT_FILE, TAKE);
    if (first >= files.length) break;
    for (let i = first; i < Math.min(first + TAKE, files.length); i++) {
      const findings: Finding[] = [];
      const notices: Notice[] = [];
      const emit: Emit = ignored[i] ? dropFragment : (f) => engine.scan(f, (x) => findings.push(x));
      scanFile(files[i][0], files[i][1], emit, notices, stats);
      if (findings.length || notices.length) byFile.push([i, findings, notices]);
    }
    between?.();
  }
  return { byFile, stats };
}
