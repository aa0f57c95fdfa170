// --all-history against its floor, `git log -p --all -U0 --no-color`, on a deterministic repo of
// 5,000 commits (~90 MB of patches) with a few planted keys. Prints the ratio, peak RSS and throughput,
// for the default (one git log read through the pump thread, on a two-core machine) and with the commits
// split across two git processes (LEAKGUARD_GIT_PROCESSES=2, the default from three cores up).
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
const [scan, split, floor] = medians(
  [
    lg('scan --all-history --format json >/dev/null'),
    `LEAKGUARD_GIT_PROCESSES=2 ${lg('scan --all-history --format json >/dev/null')}`,
    'git log -p --all -U0 --no-color >/dev/null',
  ],
  dir,
  3,
);
const rss = peakRssMb(lg('scan --all-history --format json'), dir);
console.log(`--all-history on ${COMMITS} commits, ${mb.toFixed(0)} MB of patches, medians of 3 runs:`);
console.log(`  scan / git log -p floor: ${(scan / floor).toFixed(2)}x   (bar <= 1.0x, goal 0.75x)`);
console.log(`  split over two git processes / floor: ${(split / floor).toFixed(2)}x`);
console.log(`  throughput: ${(mb / (scan / 1000)).toFixed(0)} MB/s of patch text (floor ${(mb / (floor / 1000)).toFixed(0)} MB/s)`);
if (rss !== null) console.log(`  peak RSS: ${rss} MB   (bar < 250 MB)`);
fs.rmSync(dir, { recursive: true, force: true });
