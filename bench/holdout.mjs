// Independent holdout: hand-written leak and look-alike cases (bench/holdout-cases.mjs), expanded with
// fresh random bodies for each seed, written as real files and scanned by the CLI as a user would.
// Prints recall and false alarms per category; public-by-design keys must stay at low severity.
//   node bench/holdout.mjs [seeds=5] [--misses]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI } from './lib.mjs';
import { expand } from '../dist/scripts/fixtures/generate.js';
import { CASES } from './holdout-cases.mjs';

const seeds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const showMisses = process.argv.includes('--misses');
const stats = new Map();
const row = (cat) => {
  if (!stats.has(cat)) stats.set(cat, { leak: 0, caught: 0, quiet: 0, alarms: 0, pub: 0, pubLoud: 0 });
  return stats.get(cat);
};

for (let s = 0; s < seeds; s++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-holdout-'));
  const files = CASES.map(([cat, kind, name, text], i) => {
    const rel = `case${i}/${name}`;
    const raw = typeof text === 'function' ? text() : text;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), expand(raw, `holdout:${s}:${i}`));
    return { cat, kind, rel };
  });
  const out = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  const findings = JSON.parse(out.stdout).findings;
  for (const c of files) {
    const mine = findings.filter((f) => f.file === c.rel);
    const loud = mine.filter((f) => !['low', 'info'].includes(f.severity));
    const r = row(c.cat);
    if (c.kind === 'leak') {
      r.leak++;
      if (mine.length) r.caught++;
      else if (showMisses) console.log(`  miss  ${c.cat} ${c.rel}`);
    } else if (c.kind === 'quiet') {
      r.quiet++;
      if (loud.length) {
        r.alarms++;
        if (showMisses) console.log(`  alarm ${c.cat} ${c.rel} [${loud.map((f) => f.ruleId).join(',')}]`);
      }
    } else {
      r.pub++;
      if (loud.length) {
        r.pubLoud++;
        if (showMisses) console.log(`  loud  ${c.cat} ${c.rel} [${loud.map((f) => `${f.ruleId}:${f.severity}`).join(',')}]`);
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
let L = 0,
  C = 0,
  Q = 0,
  A = 0,
  P = 0,
  PL = 0;
console.log(`${'category'.padEnd(12)} recall            false alarms      public keys above low`);
for (const [cat, r] of stats) {
  L += r.leak;
  C += r.caught;
  Q += r.quiet;
  A += r.alarms;
  P += r.pub;
  PL += r.pubLoud;
  console.log(
    `${cat.padEnd(12)} ${`${r.caught}/${r.leak}`.padEnd(8)} ${pct(r.caught, r.leak).padEnd(8)} ${`${r.alarms}/${r.quiet}`.padEnd(8)} ${pct(r.alarms, r.quiet).padEnd(8)} ${r.pub ? `${r.pubLoud}/${r.pub}` : '-'}`,
  );
}
console.log(
  `\nholdout (${seeds} seeds): recall ${pct(C, L)} (${C}/${L}), false alarms ${pct(A, Q)} (${A}/${Q}), public keys above low ${PL}/${P}`,
);
