/**
 * A worker thread for directory scans: takes files from the counter it shares with the main thread,
 * reads and scans them, and posts back plain findings and notices by file index. Allowing and reporting
 * stay in the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableLinearFallback } from '../config/linear-regex';
import { Engine } from '../engine/scan';
import { builtinPrefilter } from '../rules/load';
import type { Rule } from '../rules/types';
import { scanShare, WORKER_GATE } from './file-share';

enableLinearFallback();
const { files, ignored, rules, state } = workerData as {
  files: Array<[string, string]>;
  ignored: Uint8Array;
  rules: Rule[];
  state: Int32Array;
};
// The built prefilter is only used when these are the built-in rules (the engine compares them).
const engine = new Engine(rules, builtinPrefilter());
// When the main thread already finished every file, it does not wait for this one.
if (Atomics.compareExchange(state, WORKER_GATE, 0, 1) === 0) parentPort!.postMessage(scanShare(files, ignored, engine, state));
