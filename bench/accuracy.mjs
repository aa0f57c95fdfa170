// Per-provider recall and false-positive rate over the generated fixtures of every rule (20 seeds each).
import path from 'node:path';
import { ROOT } from './lib.mjs';
import { readProviderFiles, compile } from '../dist/scripts/compile-rules.js';
import { Engine } from '../dist/src/engine/scan.js';
import { expand } from '../dist/scripts/fixtures/generate.js';

const specs = readProviderFiles(path.join(ROOT, 'rules'));
const engine = new Engine(compile(specs).rules.rules);
const generic = new Set(specs.flatMap((s) => s.rules.filter((r) => r.generic).map((r) => r.id)));
const scanText = (text) => {
  const out = [];
  const lines = text.split('\n');
  engine.scan({ file: 'f.txt', lines, lineNumbers: lines.map((_, i) => i + 1) }, (f) => out.push(f));
  return out;
};
// A file-name rule's examples are paths, scanned as binary files of that name.
const scanPath = (file) => {
  const out = [];
  engine.scan({ file, lines: [], lineNumbers: [] }, (f) => out.push(f));
  return out;
};
const rows = [];
let tp = 0,
  tpN = 0,
  fp = 0,
  fpN = 0;
for (const s of specs) {
  let found = 0,
    pos = 0,
    noisy = 0,
    neg = 0;
  for (const r of s.rules)
    for (let seed = 0; seed < 20; seed++) {
      for (const t of r.examples?.positive ?? []) {
        pos++;
        if ((r.fileName ? scanPath : scanText)(expand(t, `acc${seed}`)).some((f) => f.ruleId === r.id)) found++;
      }
      for (const t of r.examples?.negative ?? []) {
        neg++;
        if ((r.fileName ? scanPath : scanText)(expand(t, `accn${seed}`)).some((f) => f.ruleId === r.id || !generic.has(f.ruleId))) noisy++;
      }
    }
  tp += found;
  tpN += pos;
  fp += noisy;
  fpN += neg;
  rows.push(
    `${s.provider.padEnd(22)} recall ${((100 * found) / pos).toFixed(1).padStart(5)}%   false positives ${((100 * noisy) / Math.max(1, neg)).toFixed(1).padStart(5)}%   (${pos} + ${neg} cases)`,
  );
}
console.log(rows.join('\n'));
console.log(
  `\nall providers: recall ${((100 * tp) / tpN).toFixed(2)}% (${tp}/${tpN}), false-positive rate ${((100 * fp) / fpN).toFixed(2)}% (${fp}/${fpN})`,
);
