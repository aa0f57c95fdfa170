// --all-history against its floor, `git log -p --all -U0 --no-color`, on a deterministic repo of
// 5,000 commits (~90 MB of patches) with a few planted keys. Prints the ratio, peak RSS and throughput
// of: a first audit (two passes, nothing remembered: LEAKGUARD_HISTORY_CACHE=off), a repeated audit (the
// commits judged clean are remembered), and the one-pass reference that reads every commit as a patch
// (LEAKGUARD_HISTORY=patches), also with its commits split across two git processes.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { execSync, lg, medians, peakRssMb, tempRepo } from './lib.mjs';
import { expand } from '../dist/scripts/fixtures/generate.js';
import { Rng } from '../dist/scripts/fixtures/rng.js';

const COMMITS = Number(process.env.COMMITS ?? 5000);
const dir = tempRepo('history');
const r = new Rng('bench-history');
const chunks = [];
const data = (s) => {
  const b = Buffer.from(s);
  chunks.push(`data ${b.length}\n`, b, '\n');
};
for (let i = 0; i < COMMITS; i++) {
  chunks.push(`commit refs/heads/main\nmark :${i + 1}\ncommitter Bench <bench@example.com> ${1700000000 + i * 60} +0000\n`);
  data(`change ${i}`);
  if (i) chunks.push(`from :${i}\n`);
  let src = '';
  for (let l = 0; l < 180; l++)
    src += `  const v${Math.floor(r.next() * 1e9)} = await fetchThing("/api/${Math.floor(r.next() * 1e9)}", { retries: ${l % 5}, id: "${r.pick('abcdefghijklmnopqrstuvwxyz0123456789', 8)}" });\n`;
  chunks.push(`M 100644 inline src/m${i}.ts\n`);
  data(src);
  if (i % 1000 === 7) {
    chunks.push(`M 100644 inline k${i}.env\n`);
    data(expand('OPENAI_API_KEY=sk-proj-{b64url:74}T3BlbkFJ{b64url:74}\n', `bench${i}`));
  }
  chunks.push('\n');
}
spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks.map((c) => Buffer.from(c))) });
execSync('git checkout -q main', { cwd: dir });
const mb = Number(execSync('git log -p --all -U0 --no-color | wc -c', { cwd: dir, shell: '/bin/bash' }).toString()) / 1048576;
const audit = lg('scan --all-history --format json >/dev/null');
const [first, repeated, patches, split, floor] = medians(
  [
    `LEAKGUARD_HISTORY_CACHE=off ${audit}`,
    audit,
    `LEAKGUARD_HISTORY=patches ${audit}`,
    `LEAKGUARD_HISTORY=patches LEAKGUARD_GIT_PROCESSES=2 ${audit}`,
    'git log -p --all -U0 --no-color >/dev/null',
  ],
  dir,
  3,
);
const rss = peakRssMb(`LEAKGUARD_HISTORY_CACHE=off ${lg('scan --all-history --format json')}`, dir);
const x = (t) => `${(t / floor).toFixed(2)}x`;
console.log(`--all-history on ${COMMITS} commits, ${mb.toFixed(0)} MB of patches, medians of 3 runs, / git log -p floor:`);
console.log(`  first audit (two passes, nothing remembered): ${x(first)}   (bar <= 1.0x, goal 0.75x)`);
console.log(`  repeated audit (clean commits remembered):    ${x(repeated)}`);
console.log(`  every commit as a patch (the reference):      ${x(patches)}; split over two git processes ${x(split)}`);
console.log(
  `  throughput of a first audit: ${(mb / (first / 1000)).toFixed(0)} MB/s of patch text (floor ${(mb / (floor / 1000)).toFixed(0)} MB/s)`,
);
if (rss !== null) console.log(`  peak RSS of a first audit: ${rss} MB   (bar < 250 MB)`);
fs.rmSync(dir, { recursive: true, force: true });
