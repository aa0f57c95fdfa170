// False alarms on ordinary code: scans folders of real projects (checkouts brought with the search tool's
// fetch, node_modules, ...) the way a user would and lists every finding, so each can be judged by hand.
//   node bench/realcode.mjs DIR [DIR...]
// Prints the corpus size (bytes of the files under the folders, .git excluded), the findings per 100 MB
// (all, and above low severity), and one line per finding: rule, severity, file:line, the redacted match.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI } from './lib.mjs';

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: node bench/realcode.mjs DIR [DIR...]');
  process.exit(2);
}
const size = (d) =>
  fs.readdirSync(d, { withFileTypes: true }).reduce((n, e) => {
    if (e.name === '.git') return n;
    const p = path.join(d, e.name);
    return n + (e.isDirectory() ? size(p) : e.isFile() ? fs.statSync(p).size : 0);
  }, 0);
let bytes = 0;
const all = [];
for (const d of dirs) {
  bytes += size(d);
  // Scanned from its parent, by name, as a user scans a folder (a node_modules folder named this way is scanned, not skipped).
  const out = spawnSync(process.execPath, [CLI, 'scan', path.basename(path.resolve(d)), '--format', 'json'], {
    cwd: path.dirname(path.resolve(d)),
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (!out.stdout) {
    console.error(`scan of ${d} failed: ${out.stderr.slice(0, 300)}`);
    process.exit(2);
  }
  for (const f of JSON.parse(out.stdout).findings) all.push({ ...f, dir: path.dirname(path.resolve(d)) });
}
const mb = bytes / 1e6;
const loud = all.filter((f) => f.severity !== 'low');
for (const f of all) console.log(`${f.ruleId.padEnd(28)} ${f.severity.padEnd(8)} ${path.join(f.dir, f.file)}:${f.line}  ${f.match ?? ''}`);
console.log(
  `\ncorpus ${mb.toFixed(0)} MB: ${all.length} findings (${((all.length / mb) * 100).toFixed(1)} per 100 MB), ${loud.length} above low (${((loud.length / mb) * 100).toFixed(1)} per 100 MB)`,
);
