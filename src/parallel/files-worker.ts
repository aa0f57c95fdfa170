/**
 * A worker thread for directory scans: reads its share of the files and runs the engine on them, so
 * a large tree uses both cores. It posts back plain findings; allowing and reporting stay in the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableLinearFallback } from '../config/linear-regex';
import { Engine } from '../engine/scan';
import { filesSource } from '../sources/files';
import type { Finding } from '../engine/finding';
import type { Notice } from '../sources/fragment';
import type { Rule } from '../rules/types';

enableLinearFallback();
const { files, rules, ignoredPaths } = workerData as { files: Array<[string, string]>; rules: Rule[]; ignoredPaths: string[] };
const engine = new Engine(rules);
const skip = new Set(ignoredPaths);
const findings: Finding[] = [];
const notices: Notice[] = [];
const stats = filesSource(
  files.filter(([, rel]) => !skip.has(rel)),
  (f) => engine.scan(f, (x) => findings.push(x)),
  notices,
);
parentPort!.postMessage({ findings, notices, stats });
