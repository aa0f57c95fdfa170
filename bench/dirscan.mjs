// A directory scan of a 50,000-file tree against its floor, `git grep -c .` over the same tree.
import fs from 'node:fs';
import path from 'node:path';
import { execSync, lg, medians, tempRepo } from './lib.mjs';
import { Rng } from '../dist/scripts/fixtures/rng.js';

const FILES = Number(process.env.FILES ?? 50000);
const dir = tempRepo('dirscan');
const r = new Rng('dirscan');
for (let i = 0; i < FILES; i++) {
  const d = path.join(dir, `pkg${i % 100}`, `mod${Math.floor(i / 100) % 50}`);
  if (i < 5000) fs.mkdirSync(d, { recursive: true });
  let s = '';
  for (let l = 0; l < 30; l++)
    s += `export function f${l}(a, b) { return a * ${Math.floor(r.next() * 1000)} + b; } // ${r.pick('abcdefghij', 12)}\n`;
  fs.writeFileSync(path.join(d, `file${i}.js`), s);
}
execSync('git add -A && git commit -qm tree', { cwd: dir });
const mb = Number(execSync('du -sm --exclude=.git .', { cwd: dir }).toString().split('\t')[0]);
const [scan, floor] = medians([lg('scan . --format json >/dev/null'), 'git grep -c . >/dev/null'], dir, 3);
console.log(`scan PATH on ${FILES} files (${mb} MB), medians of 3 runs:`);
console.log(`  scan . / git grep -c . : ${(scan / floor).toFixed(2)}x`);
console.log(`  throughput: ${(FILES / (scan / 1000)).toFixed(0)} files/s, ${(mb / (scan / 1000)).toFixed(0)} MB/s`);
fs.rmSync(dir, { recursive: true, force: true });
