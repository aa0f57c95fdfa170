// `leakguard scan DIR` on a large tree of real code (bench/dirscan-corpus.mjs: this repository's
// node_modules and public repositories, under /tmp/corpus) against `git grep` looking for the same
// keywords (the prefilter's words, fixed strings, case-insensitive, file names only, git's threads on
// every core). Warm cache, interleaved runs, medians; prints ratios, not pass/fail. GNU grep, one core,
// is printed too as a harder floor.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI } from './lib.mjs';
import { buildCorpus } from './dirscan-corpus.mjs';
import { builtinPrefilter } from '../dist/src/rules/load.js';

const RUNS = Number(process.env.RUNS ?? 5);
const dir = buildCorpus();
const words = path.join(os.tmpdir(), 'leakguard-prefilter-words.txt');
fs.writeFileSync(words, `${builtinPrefilter().words.join('\n')}\n`);

const commands = {
  leakguard: `node ${CLI} scan . --format json`,
  'git grep': `git grep --no-index -F -i -l -f ${words} .`,
  'grep -r (1 core)': `grep -r -F -i -l -f ${words} .`,
};

/** Wall, user and system seconds of one run. */
function run(cmd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '/bin/bash', '-c', `${cmd} >/dev/null`], { cwd: dir, encoding: 'utf8' });
  const [wall, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const cmd of Object.values(commands)) run(cmd); // warm the page cache and the build's caches
for (let i = 0; i < RUNS; i++) for (const [k, cmd] of Object.entries(commands)) times[k].push(run(cmd));

const files = spawnSync('find', ['.', '-type', 'f'], { cwd: dir, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
const mb = Number(spawnSync('du', ['-sm', '--apparent-size', '.'], { cwd: dir, encoding: 'utf8' }).stdout.split('\t')[0]);
const lg = median(times.leakguard.map((t) => t.wall));
console.log(`scan DIR on ${dir}: ${files} files, ${mb} MB, ${builtinPrefilter().words.length} keywords; medians of ${RUNS} runs`);
for (const k of Object.keys(commands)) {
  const wall = median(times[k].map((t) => t.wall));
  const cpu = median(times[k].map((t) => t.cpu));
  console.log(`  ${k.padEnd(18)} wall ${wall.toFixed(2)} s  cpu ${cpu.toFixed(2)} s  (${(cpu / wall).toFixed(1)} cores)`);
}
const range = (k) => {
  const r = times.leakguard.map((t, i) => t.wall / times[k][i].wall).sort((a, b) => a - b);
  return `${r[0].toFixed(2)}-${r[r.length - 1].toFixed(2)}`;
};
const gg = median(times['git grep'].map((t) => t.wall));
const gr = median(times['grep -r (1 core)'].map((t) => t.wall));
console.log(`  leakguard / git grep: ${(lg / gg).toFixed(2)}x (runs ${range('git grep')})   (goal <= 1.0x)`);
console.log(`  leakguard / grep -r:  ${(lg / gr).toFixed(2)}x (runs ${range('grep -r (1 core)')})`);
console.log(`  leakguard throughput: ${(mb / lg).toFixed(0)} MB/s, ${(files / lg).toFixed(0)} files/s`);
