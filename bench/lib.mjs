// Shared by the benchmarks: temp repos with an identity, timing of whole commands, medians.
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
if (!fs.existsSync(CLI)) {
  console.error('build first: npm run build');
  process.exit(2);
}

export function tempRepo(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lg-bench-${name}-`));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  execFileSync('git', ['config', 'user.name', 'Bench'], { cwd: dir });
  execFileSync('git', ['config', 'user.email', 'bench@example.com'], { cwd: dir });
  return dir;
}

export function timeMs(cmd, cwd) {
  const s = process.hrtime.bigint();
  spawnSync('/bin/bash', ['-c', cmd], { cwd, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - s) / 1e6;
}

/** Median wall time of each command over `runs` interleaved runs. */
export function medians(cmds, cwd, runs) {
  const t = cmds.map(() => []);
  for (let i = 0; i < runs; i++) cmds.forEach((c, j) => t[j].push(timeMs(c, cwd)));
  return t.map((x) => x.sort((a, b) => a - b)[x.length >> 1]);
}

export function peakRssMb(cmd, cwd) {
  if (!fs.existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '/bin/bash', '-c', `${cmd} >/dev/null`], { cwd, encoding: 'utf8' });
  return Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024);
}

export const lg = (args) => `node ${CLI} ${args}`;
export { execSync };
