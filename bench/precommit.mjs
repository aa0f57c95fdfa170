// The pre-commit hook's cost: `leakguard scan --staged` on 1,000 added lines in 20 files, against
// git diff --cached alone and against node start-up plus git diff (the acceptance floor). Then where the
// time goes, from inside the process (bench/precommit-probe.js, preloaded): each phase as a fraction of
// node's own start-up. Prints ratios, not absolute times, as the headline; milliseconds only as context.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT, execSync, lg, medians, tempRepo } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const dir = tempRepo('precommit');
fs.writeFileSync(path.join(dir, 'a'), 'init\n');
execSync('git add a && git commit -qm init', { cwd: dir });
for (let f = 0; f < 20; f++) {
  let s = '';
  for (let i = 0; i < 50; i++) s += `export const value_${f}_${i} = computeSomething("arg${i}", ${(i * 7919) % 1000}); // note ${i}\n`;
  fs.writeFileSync(path.join(dir, `src${f}.ts`), s);
}
execSync('git add .', { cwd: dir });

const [scan, diff, node, floor] = medians(
  [
    lg('scan --staged'),
    'git diff --cached -U0 --no-color >/dev/null',
    'node -e 0',
    'node -e 0 && git diff --cached -U0 --no-color >/dev/null',
  ],
  dir,
  RUNS,
);
const x = (v, of = node) => `${(v / of).toFixed(2)}x`.padStart(6);
console.log(`pre-commit (1,000 added lines, 20 files), medians of ${RUNS} runs:`);
console.log(`  scan --staged / (node start-up + git diff --cached): ${x(scan, floor)}   (bar <= 1.8x, goal <= 1.6x)`);
console.log(`  scan --staged / git diff --cached alone:            ${x(scan, diff)}`);
console.log(`  scan --staged / node start-up (node -e 0):          ${x(scan, node)}`);
console.log(`  scan --staged median: ${scan.toFixed(0)} ms; node -e 0: ${node.toFixed(0)} ms; git diff --cached: ${diff.toFixed(0)} ms`);

// Where the time goes: one probed run after another, the median of each phase.
const probe = path.join(ROOT, 'bench', 'precommit-probe.js');
const rows = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync('node', ['-r', probe, CLI, 'scan', '--staged'], { cwd: dir, stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  if (r.output[3]?.length) rows.push(JSON.parse(r.output[3].toString()));
}
fs.rmSync(dir, { recursive: true, force: true });
if (!rows.length) {
  console.log('  (the probe gave no figures)');
  process.exit(0);
}
const med = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[rows.length >> 1];
const PHASES = [
  ['startup', 'node start-up, up to the first line of user code'],
  ['modules', 'loading and running leakguard modules (and node built-ins)'],
  ['config', 'finding and reading the config'],
  ['rules', 'reading and parsing the rule set and the keyword tables'],
  ['engine', 'building the engine (regexes, prefilter)'],
  ['spawn', 'starting git (fork + exec, synchronous)'],
  ['scan', 'scanning the 1,000 lines'],
  ['other', 'the rest: argument parsing, diff parsing, output, waiting for git'],
];
const base = med('startup');
console.log(`where a clean scan --staged spends its time (medians of ${rows.length} probed runs; x = fraction of node start-up):`);
for (const [k, what] of PHASES) console.log(`  ${k.padEnd(8)} ${x(med(k), base)}  ${med(k).toFixed(1).padStart(6)} ms  ${what}`);
console.log(`  ${'total'.padEnd(8)} ${x(med('total'), base)}  ${med('total').toFixed(1).padStart(6)} ms  in the process, up to exit`);
console.log(
  `  git ran ${med('gitWall').toFixed(1)} ms (${x(med('gitWall'), base).trim()}), overlapping the phases above; ` +
    `${med('spawns')} git process(es), ${med('jsFiles')} JavaScript file(s) read for ${med('modulesRun')} modules, ` +
    `${(med('bytesRead') / 1e6).toFixed(2)} MB of rule data read`,
);
