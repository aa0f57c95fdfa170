// Streaming a big `git log -p`: simple-git's outputHandler against the direct spawn git.ts uses (Git.stream).
// Each reader runs in its own node process that counts the bytes as they come and reports its wall time
// and peak RSS; runs are interleaved, medians of RUNS. Prints the ratios simple-git / spawn.
// simple-git hands the outputHandler the child's stdout stream but also collects every chunk itself
// (it resolves with the whole output), so its memory grows with the history; it has no stdin either.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ROOT, tempRepo } from './lib.mjs';

const require = createRequire(import.meta.url);
const ARGS = ['log', '-p', '--all', '-U0', '--no-color'];

async function readWith(mode, dir) {
  const start = process.hrtime.bigint();
  let bytes = 0;
  if (mode === 'spawn') {
    const { Git } = require(`${ROOT}/dist/src/git/index.js`);
    await new Git(dir).stream(ARGS, (d) => (bytes += d.length));
  } else {
    const { simpleGit } = require('simple-git');
    const { gitEnv } = require(`${ROOT}/dist/src/git/index.js`);
    const env = gitEnv();
    for (const k of ['EDITOR', 'PAGER', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_ASKPASS', 'SSH_ASKPASS']) delete env[k];
    const sg = simpleGit({ baseDir: dir }).env(env);
    await sg.outputHandler((_cmd, stdout) => stdout.on('data', (d) => (bytes += d.length))).raw(ARGS);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ms, bytes, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

function buildRepo(commits) {
  const dir = tempRepo('stream');
  const chunks = [];
  const data = (s) => chunks.push(`data ${Buffer.byteLength(s)}\n${s}\n`);
  for (let i = 0; i < commits; i++) {
    chunks.push(`commit refs/heads/main\nmark :${i + 1}\ncommitter Bench <bench@example.com> ${1700000000 + i * 60} +0000\n`);
    data(`change ${i}`);
    if (i) chunks.push(`from :${i}\n`);
    let src = '';
    for (let l = 0; l < 180; l++)
      src += `  const v${(i * 7919 + l * 104729) % 1e9} = await fetchThing("/api/${i}/${l}", { retries: ${l % 5} });\n`;
    chunks.push(`M 100644 inline src/m${i}.ts\n`);
    data(src);
    chunks.push('\n');
  }
  spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') });
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main() {
  const [mode, dir] = process.argv.slice(2);
  if (mode) return readWith(mode, dir);
  const commits = Number(process.env.COMMITS ?? 3000);
  const runs = Number(process.env.RUNS ?? 3);
  const repo = buildRepo(commits);
  const got = { spawn: [], 'simple-git': [] };
  for (let i = 0; i < runs; i++) {
    for (const m of Object.keys(got)) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), m, repo], { encoding: 'utf8' });
      got[m].push(JSON.parse(r.stdout.trim().split('\n').pop()));
    }
  }
  const mb = got.spawn[0].bytes / 1048576;
  const t = (m) => median(got[m].map((x) => x.ms));
  const rss = (m) => median(got[m].map((x) => x.rssMb));
  console.log(`git log -p over ${commits} commits, ${mb.toFixed(0)} MB, medians of ${runs} interleaved runs:`);
  console.log(`  direct spawn: ${t('spawn').toFixed(0)} ms, peak RSS ${rss('spawn').toFixed(0)} MB`);
  console.log(`  simple-git outputHandler: ${t('simple-git').toFixed(0)} ms, peak RSS ${rss('simple-git').toFixed(0)} MB`);
  console.log(
    `  simple-git / spawn: time ${(t('simple-git') / t('spawn')).toFixed(2)}x, peak RSS ${(rss('simple-git') / rss('spawn')).toFixed(2)}x`,
  );
  fs.rmSync(repo, { recursive: true, force: true });
}

await main();
