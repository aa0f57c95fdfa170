// Recall and false alarms on other scanners' own test vectors: the literal true/false positives in
// gitleaks' rule files (cmd/generate/config/rules/*.go) and the `examples:` of kingfisher's rules
// (data/rules/*.yml). Their code is not in this repository: pass checkouts (or `git archive`s), e.g. ones
// brought with the search tool's fetch:
//   git --git-dir=/work/.mirror/gitleaks+gitleaks/repo archive HEAD cmd/generate/config/rules | tar -x -C /tmp/gl
//   git --git-dir=/work/.mirror/mongodb+kingfisher/repo archive HEAD data/rules | tar -x -C /tmp/kf
//   git --git-dir=/work/.mirror/trufflesecurity+trufflehog/repo archive HEAD pkg/detectors | tar -x -C /tmp/th
//   node bench/peer-vectors.mjs /tmp/gl [/tmp/kf] [/tmp/th] [--misses] [--rows]
// TruffleHog: the `input:` of each pattern test; `want: nil` inputs are its negatives.
// Only literal strings are used (generated samples need Go); each literal is scanned as one line of a file.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';
import { readProviderFiles, compile } from '../dist/scripts/compile-rules.js';
import { Engine } from '../dist/src/engine/scan.js';
import YAML from 'yaml';

const dir = path.join(process.argv[2] ?? '/tmp/gl', 'cmd/generate/config/rules');
const showMisses = process.argv.includes('--misses');
if (!fs.existsSync(dir)) {
  console.error(`no gitleaks rules at ${dir} (see the comment at the top)`);
  process.exit(2);
}
const engine = new Engine(compile(readProviderFiles(path.join(ROOT, 'rules'))).rules.rules);
const scan = (text, file = 'vectors/case.txt') => {
  const out = [];
  const lines = text.split('\n');
  engine.scan({ file, lines, lineNumbers: lines.map((_, i) => i + 1) }, (f) => out.push(f));
  return out;
};

/** Go string literals (backtick or double-quoted) of at least 12 characters in a block of source. */
function literals(src) {
  const out = [];
  for (const m of src.matchAll(/`([^`]*)`|"((?:[^"\\\n]|\\.)*)"/g)) {
    const s = m[1] ?? JSON.parse(`"${m[2].replace(/\\'/g, "'")}"`);
    if (s.length >= 12 && !/^https?:\/\/\S+$/.test(s) && !/^\/\/|gitleaks/.test(s)) out.push(s);
  }
  return out;
}

/** Each rule function's tps and fps blocks: from `tps` to `fps`, and from `fps` to the Validate call. */
function vectors(src) {
  const res = [];
  for (const fn of src.split(/\nfunc /).slice(1)) {
    const name = fn.slice(0, fn.indexOf('('));
    const t = fn.search(/\btps\s*:?=/),
      f = fn.search(/\bfps\s*:?=/),
      v = fn.search(/return utils\.Validate/);
    if (t < 0) continue;
    const tpEnd = f > t ? f : v > t ? v : fn.length;
    res.push({ name, tps: literals(fn.slice(t, tpEnd)), fps: f > 0 ? literals(fn.slice(f, v > f ? v : fn.length)) : [] });
  }
  return res;
}

let tp = 0,
  tpN = 0,
  fp = 0,
  fpN = 0;
const rows = [];
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
  .sort()) {
  for (const { name, tps, fps } of vectors(fs.readFileSync(path.join(dir, file), 'utf8'))) {
    let found = 0,
      noisy = 0;
    for (const s of tps) {
      if (scan(s).length) found++;
      else if (showMisses) console.log(`  miss ${file}:${name}  ${s.slice(0, 100)}`);
    }
    for (const s of fps) {
      const f = scan(s);
      if (f.length && f.some((x) => x.severity !== 'low')) {
        noisy++;
        if (showMisses) console.log(`  alarm ${file}:${name} [${f[0].ruleId}] ${s.slice(0, 100)}`);
      }
    }
    tp += found;
    tpN += tps.length;
    fp += noisy;
    fpN += fps.length;
    if (tps.length || fps.length)
      rows.push(`${(file.replace('.go', '') + ':' + name).padEnd(48)} caught ${found}/${tps.length}   alarms ${noisy}/${fps.length}`);
  }
}
if (process.argv.includes('--rows')) console.log(rows.join('\n'));
const kf = process.argv[3] && !process.argv[3].startsWith('--') ? path.join(process.argv[3], 'data/rules') : null;
if (kf && fs.existsSync(kf)) {
  // Kingfisher: one file per provider; only the providers leakguard has rules for count towards "ours".
  const ours = new Set(readProviderFiles(path.join(ROOT, 'rules')).map((p) => p.slug.replace(/-/g, '')));
  let k = 0,
    kN = 0,
    o = 0,
    oN = 0;
  const perFile = [];
  for (const file of fs
    .readdirSync(kf)
    .filter((f) => f.endsWith('.yml'))
    .sort()) {
    let doc;
    try {
      doc = YAML.parse(fs.readFileSync(path.join(kf, file), 'utf8'));
    } catch {
      continue;
    }
    const mine = ours.has(file.replace('.yml', '').replace(/[-_]/g, ''));
    let f = 0,
      n = 0;
    for (const r of doc?.rules ?? [])
      for (const ex of r.examples ?? []) {
        if (typeof ex !== 'string') continue;
        n++;
        const hit = scan(ex).length > 0;
        if (hit) f++;
        else if (showMisses && mine) console.log(`  miss kingfisher ${file}:${r.id}  ${ex.slice(0, 100)}`);
      }
    k += f;
    kN += n;
    if (mine) {
      o += f;
      oN += n;
      if (n) perFile.push(`${file.padEnd(28)} ${f}/${n}`);
    }
  }
  if (process.argv.includes('--rows')) console.log(perFile.join('\n'));
  console.log(
    `kingfisher examples: caught ${k}/${kN} (${((100 * k) / Math.max(1, kN)).toFixed(1)}%); on providers leakguard has rules for: ${o}/${oN} (${((100 * o) / Math.max(1, oN)).toFixed(1)}%)`,
  );
}
/** String constants of a Go file: name = "..." or `...` (also name := ...). */
function goConsts(src) {
  const out = new Map();
  for (const m of src.matchAll(/^\s*(?:const\s+|var\s+)?(\w+)\s*:?=\s*(`[^`]*`|"(?:[^"\\\n]|\\.)*")\s*$/gm)) out.set(m[1], lit(m[2]));
  return out;
}
const lit = (t) => (t.startsWith('`') ? t.slice(1, -1) : JSON.parse(t.replace(/\\'/g, "'")));
/** A Go string expression made of literals, constants, + and fmt.Sprintf("%s", ...); null when it is anything else. */
function goValue(expr, consts) {
  const sp = /^fmt\.Sprintf\(([\s\S]*)\)$/.exec(expr);
  const parts = (sp ? sp[1] : expr).match(/`[^`]*`|"(?:[^"\\\n]|\\.)*"|[\w.]+|[+,]/g);
  if (!parts) return null;
  const vals = [];
  let cur = '';
  for (const p of parts) {
    if (p === '+') continue;
    if (p === ',') {
      vals.push(cur);
      cur = '';
      continue;
    }
    if (p.startsWith('"') || p.startsWith('`')) cur += lit(p);
    else if (consts.has(p)) cur += consts.get(p);
    else return null;
  }
  vals.push(cur);
  if (!sp) return vals.join('');
  let i = 1;
  return vals[0].replace(/%[sdv]/g, () => vals[i++] ?? '');
}

const th = process.argv[4] && !process.argv[4].startsWith('--') ? path.join(process.argv[4], 'pkg/detectors') : null;
if (th && fs.existsSync(th)) {
  const ours = new Set(readProviderFiles(path.join(ROOT, 'rules')).map((p) => p.slug.replace(/-/g, '')));
  const tally = { all: [0, 0, 0, 0], ours: [0, 0, 0, 0] };
  const perDet = [];
  const walk = (d) =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(th)
    .filter((f) => /_test\.go$/.test(f) && !/integration/.test(f))
    .sort()) {
    const det = path.relative(th, file).split('/')[0];
    const mine = ours.has(det.replace(/[-_]/g, ''));
    const src = fs.readFileSync(file, 'utf8');
    let tp = 0,
      tpN = 0,
      fp = 0,
      fpN = 0;
    const consts = goConsts(src);
    for (const m of src.matchAll(/input:\s*([^\n]*(?:\n[^\n]*?){0,40}?)\s*,\s*\n\s*want:\s*(nil|\[\]string\{\s*\}|\[\]string\{)/g)) {
      const input = goValue(m[1].trim(), consts);
      if (input === null) continue;
      const positive = m[2] === '[]string{';
      const found = scan(input.replace(/\t/g, '  ')).filter((f) => f.severity !== 'low' || positive).length > 0;
      if (positive) {
        tpN++;
        if (found) tp++;
        else if (showMisses && mine) console.log(`  miss trufflehog ${det}  ${input.trim().slice(0, 120).replace(/\n/g, ' ')}`);
      } else {
        fpN++;
        if (found) {
          fp++;
          if (showMisses && mine) console.log(`  alarm trufflehog ${det}  ${input.trim().slice(0, 120).replace(/\n/g, ' ')}`);
        }
      }
    }
    for (const k of mine ? ['all', 'ours'] : ['all']) {
      const t = tally[k];
      t[0] += tp;
      t[1] += tpN;
      t[2] += fp;
      t[3] += fpN;
    }
    if (mine && tpN + fpN) perDet.push(`${det.padEnd(28)} caught ${tp}/${tpN}   alarms ${fp}/${fpN}`);
  }
  if (process.argv.includes('--rows')) console.log(perDet.join('\n'));
  const pc = (a, b) => ((100 * a) / Math.max(1, b)).toFixed(1);
  for (const k of ['all', 'ours']) {
    const [a, b, c, d] = tally[k];
    console.log(
      `trufflehog pattern tests (${k === 'all' ? 'all detectors' : 'providers leakguard has rules for'}): caught ${a}/${b} (${pc(a, b)}%), false alarms ${c}/${d} (${pc(c, d)}%)`,
    );
  }
}
console.log(
  `gitleaks literal vectors: caught ${tp}/${tpN} (${((100 * tp) / Math.max(1, tpN)).toFixed(1)}%), false alarms ${fp}/${fpN} (${((100 * fp) / Math.max(1, fpN)).toFixed(1)}%)`,
);
