// The pre-commit hook's cost: `leakguard scan --staged` on 1,000 added lines in 20 files, against
// git diff --cached alone and against node start-up plus git diff. Prints ratios, not absolute times.
import fs from 'node:fs';
import path from 'node:path';
import { execSync, lg, medians, tempRepo } from './lib.mjs';

const dir = tempRepo('precommit');
fs.writeFileSync(path.join(dir, 'a'), 'init\n');
execSync('git add a && git commit -qm init', { cwd: dir });
for (let f = 0; f < 20; f++) {
  let s = '';
  for (let i = 0; i < 50; i++) s += `export const value_${f}_${i} = computeSomething("arg${i}", ${(i * 7919) % 1000}); // note ${i}\n`;
  fs.writeFileSync(path.join(dir, `src${f}.ts`), s);
}
execSync('git add .', { cwd: dir });
const [scan, diff, floor] = medians(
  [lg('scan --staged'), 'git diff --cached -U0 --no-color >/dev/null', 'node -e 0 && git diff --cached -U0 --no-color >/dev/null'],
  dir,
  15,
);
console.log(`pre-commit (1,000 added lines, 20 files), medians of 15 runs:`);
console.log(`  scan --staged / (node start-up + git diff --cached): ${(scan / floor).toFixed(2)}x   (goal <= 2.0x)`);
console.log(`  scan --staged / git diff --cached alone:            ${(scan / diff).toFixed(2)}x`);
console.log(`  scan --staged median: ${scan.toFixed(0)} ms (target < 150 ms on 2 cores)`);
fs.rmSync(dir, { recursive: true, force: true });
