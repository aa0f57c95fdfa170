// History scans at scale: synthetic histories of 3k, 30k and 100k commits (SIZES to change), each
// measured with `leakguard scan --all-history` (a first audit: LEAKGUARD_HISTORY_CACHE=off; then one repeated
// audit) (wall time, peak RSS) against `git log -p --all -U0`,
// then extrapolated to a history the size of the Linux kernel's (1.3M commits).
// Model: time linear in commits (least squares over the measured sizes; the patch bytes per commit
// are those of this synthetic history), memory flat (the largest measured; the slope is printed).
// Repositories are cached under /tmp/lg-history-scale (delete it to rebuild). Fake keys only, made at run time.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { CLI } from './lib.mjs';
import { expand } from '../dist/scripts/fixtures/generate.js';
import { Rng } from '../dist/scripts/fixtures/rng.js';

const SIZES = (process.env.SIZES ?? '3000,30000,100000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);
/** Runs at the largest size (each takes minutes on a shared machine). */
const RUNS_LARGEST = Number(process.env.RUNS_LARGEST ?? 1);
const TARGET = 1_300_000;
const CACHE = process.env.HISTORY_CACHE ?? '/tmp/lg-history-scale';

/**
 * The fast-import stream of a history that looks like a long-lived project: a tree of ~1,000 source
 * files in 400 folders, growing by one every 20 commits; each commit edits one to three files (a few lines replaced,
 * some added, long files trimmed); a topic branch merged back every 1,000 commits; a fake key in a
 * .env file every 10,000 commits.
 */
async function writeHistory(commits, sink) {
  const r = new Rng(`history-scale-${commits}`);
  const word = () => r.pick('abcdefghijklmnopqrstuvwxyz', 3 + Math.floor(r.next() * 8));
  const kinds = ['const', 'let', 'return', 'static int', 'if (err) return'];
  const codeLine = () =>
    `  ${kinds[Math.floor(r.next() * kinds.length)]} ${word()}_${Math.floor(r.next() * 1e6)} = ${word()}(${word()}, ${Math.floor(r.next() * 1e4)}); /* ${word()} ${word()} */\n`;
  const files = [];
  // Two levels of 20 folders, as in a real source tree: each commit rewrites small trees, not one huge one.
  const dirs = Array.from({ length: 20 }, () => word());
  const newFile = () => {
    const n = files.length;
    files.push({ name: `${dirs[n % 20]}/${dirs[Math.floor(n / 20) % 20]}/${word()}_${n}.c`, lines: Array.from({ length: 40 }, codeLine) });
  };
  for (let i = 0; i < 1000; i++) newFile();
  let chunk = [];
  const flush = async () => {
    if (!sink.write(Buffer.concat(chunk.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)))))
      await new Promise((ok) => sink.once('drain', ok));
    chunk = [];
  };
  const data = (s) => {
    const b = Buffer.from(s);
    chunk.push(`data ${b.length}\n`, b, '\n');
  };
  const put = (f) => {
    chunk.push(`M 100644 inline ${f.name}\n`);
    data(f.lines.join(''));
  };
  const commit = (ref, mark, parents, message, body) => {
    chunk.push(`commit ${ref}\nmark :${mark}\ncommitter Dev <dev@example.com> ${1600000000 + mark * 600} +0000\n`);
    data(message);
    parents.forEach((p, i) => chunk.push(`${i ? 'merge' : 'from'} :${p}\n`));
    body();
    chunk.push('\n');
  };
  const edit = () => {
    const f = files[Math.floor(r.next() * files.length)];
    for (let k = 1 + Math.floor(r.next() * 5); k > 0; k--) f.lines[Math.floor(r.next() * f.lines.length)] = codeLine();
    for (let k = Math.floor(r.next() * 4); k > 0; k--) f.lines.splice(Math.floor(r.next() * f.lines.length), 0, codeLine());
    if (f.lines.length > 200) f.lines.splice(0, 40);
    put(f);
  };
  let mark = 0;
  let head = 0;
  commit('refs/heads/main', ++mark, [], 'initial tree', () => files.forEach(put));
  head = mark;
  for (let i = 1; i < commits; i++) {
    if (i % 1000 === 500) {
      // A topic branch off main, merged back as this commit.
      commit('refs/heads/topic', ++mark, [head], `topic ${i}`, edit);
      const topic = mark;
      commit('refs/heads/main', ++mark, [head, topic], `merge topic ${i}`, () => undefined);
      head = mark;
      i++;
      continue;
    }
    commit('refs/heads/main', ++mark, [head], `change ${i}`, () => {
      for (let n = 1 + Math.floor(r.next() * 3); n > 0; n--) edit();
      if (i % 20 === 0) {
        newFile();
        put(files[files.length - 1]);
      }
      if (i % 10000 === 7) {
        chunk.push(`M 100644 inline deploy/k${i}.env\n`);
        data(expand('OPENAI_API_KEY=sk-proj-{b64url:74}T3BlbkFJ{b64url:74}\n', `scale${i}`));
      }
    });
    head = mark;
    if (i % 500 === 0) await flush();
  }
  await flush();
}

async function history(commits) {
  const dir = path.join(CACHE, String(commits));
  if (fs.existsSync(path.join(dir, '.done'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['config', 'user.name', 'Bench'],
    ['config', 'user.email', 'bench@example.com'],
  ])
    spawnSync('git', args, { cwd: dir });
  // glibc gives memory back after every blob by default: fast-import then spends 90% of its time in brk().
  const env = { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864' };
  const fi = spawn('git', ['fast-import', '--quiet'], { cwd: dir, env, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((ok, fail) => fi.on('close', (code) => (code === 0 ? ok() : fail(new Error(`fast-import: ${code}`)))));
  await writeHistory(commits, fi.stdin);
  fi.stdin.end();
  await done;
  spawnSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  // Packed as a real repository is (fast-import's own pack is several times larger and slower to read).
  spawnSync('git', ['repack', '-a', '-d', '-f', '-q', '--window=10', '--depth=50'], { cwd: dir });
  fs.writeFileSync(path.join(dir, '.done'), '');
  return dir;
}

/** Wall seconds, CPU seconds (user + system) and peak RSS (MB: the largest process of the tree) of one run. */
function timed(cmd, args, cwd, env = process.env) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const [s, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { s, cpu: user + sys, mb: kb / 1024 };
}

/** Peak RSS (MB) of the node process alone, without its git children: its high-water mark, read until it exits. */
async function nodePeakMb(args, cwd, env) {
  const child = spawn('node', args, { cwd, env, stdio: 'ignore' });
  let kb = 0;
  const poll = setInterval(() => {
    try {
      kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? kb);
    } catch {
      // gone
    }
  }, 50);
  await new Promise((ok) => child.on('exit', ok));
  clearInterval(poll);
  return kb / 1024;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const rows = [];
for (const commits of SIZES) {
  const dir = await history(commits);
  if (process.env.BUILD_ONLY) continue; // only make (or check) the cached repositories
  const patchMb =
    Number(spawnSync('/bin/bash', ['-c', 'git log -p --all -U0 --no-color | wc -c'], { cwd: dir, encoding: 'utf8' }).stdout) / 1048576;
  const lg = [];
  const gl = [];
  const audit = [CLI, 'scan', '--all-history', '--format', 'json'];
  // A first audit each time (nothing remembered from earlier runs), then one repeated audit.
  const first = { ...process.env, LEAKGUARD_HISTORY_CACHE: 'off' };
  for (let i = 0; i < (commits === Math.max(...SIZES) ? RUNS_LARGEST : RUNS); i++) {
    lg.push(timed('node', audit, dir, first));
    gl.push(timed('git', ['log', '-p', '--all', '-U0', '--no-color'], dir));
  }
  fs.rmSync(path.join(dir, '.git', 'leakguard'), { recursive: true, force: true });
  timed('node', audit, dir);
  const repeated = timed('node', audit, dir).s;
  const row = {
    commits,
    patchMb,
    lg: median(lg.map((x) => x.s)),
    repeated,
    git: median(gl.map((x) => x.s)),
    lgCpu: median(lg.map((x) => x.cpu)),
    gitCpu: median(gl.map((x) => x.cpu)),
    rss: Math.max(...lg.map((x) => x.mb)),
    gitRss: Math.max(...gl.map((x) => x.mb)),
    nodeRss: fs.existsSync('/proc/self/status') ? await nodePeakMb(audit, dir, first) : NaN,
  };
  rows.push(row);
  console.log(
    `${String(commits).padStart(8)} commits  ${patchMb.toFixed(0).padStart(5)} MB patches  ` +
      `leakguard ${row.lg.toFixed(1)} s (cpu ${row.lgCpu.toFixed(1)} s)  git log ${row.git.toFixed(1)} s (cpu ${row.gitCpu.toFixed(1)} s)  ` +
      `ratio ${(row.lg / row.git).toFixed(2)}x (repeated audit ${(row.repeated / row.git).toFixed(2)}x)  peak RSS ${row.rss.toFixed(0)} MB (node alone ${row.nodeRss.toFixed(0)} MB, git log ${row.gitRss.toFixed(0)} MB)`,
  );
}

/** Least squares y = a + b x. */
function fit(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return { a: my - b * mx, b, at: (x) => my - b * mx + b * x };
}
if (rows.length >= 2) {
  const c = rows.map((r) => r.commits);
  const lgFit = fit(
    c,
    rows.map((r) => r.lg),
  );
  const gitFit = fit(
    c,
    rows.map((r) => r.git),
  );
  const mbFit = fit(
    c,
    rows.map((r) => r.patchMb),
  );
  const nodeFit = fit(
    c,
    rows.map((r) => r.nodeRss),
  );
  const treeFit = fit(
    c,
    rows.map((r) => r.rss),
  );
  console.log(
    `extrapolated to ${TARGET} commits (time linear in commits, ${(mbFit.b * 1024).toFixed(1)} KB of patch a commit): ` +
      `${(mbFit.at(TARGET) / 1024).toFixed(1)} GB patches  leakguard ${lgFit.at(TARGET).toFixed(0)} s  git log ${gitFit.at(TARGET).toFixed(0)} s  ` +
      `ratio ${(lgFit.at(TARGET) / gitFit.at(TARGET)).toFixed(2)}x`,
  );
  console.log(
    `  memory: node ~${Math.max(...rows.map((r) => r.nodeRss)).toFixed(0)} MB if flat (slope ${(nodeFit.b * 1e5).toFixed(0)} MB per 100k commits); ` +
      `largest process (git) ${treeFit.at(TARGET).toFixed(0)} MB if linear (slope ${(treeFit.b * 1e5).toFixed(0)} MB per 100k commits)`,
  );
  const last = rows[rows.length - 1];
  console.log(
    `  throughput at ${last.commits} commits: leakguard ${(last.patchMb / last.lg).toFixed(0)} MB/s of patch, git log ${(last.patchMb / last.git).toFixed(0)} MB/s`,
  );
}
