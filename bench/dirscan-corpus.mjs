// The real-code corpus for bench/dirscan.mjs: this repository's node_modules plus public repositories,
// extracted under /tmp/corpus (never inside the repo) and reused while its marker file is there.
// Repositories come from git mirrors on this machine (CORPUS_MIRRORS, colon-separated git dirs; default:
// the mirrors the search tool's `fetch` leaves under /work/.mirror). The tree is pruned of what a
// directory scan skips by default (lock files, minified bundles, source maps, files over the size limit)
// and of symlinks, so leakguard and git grep read the very same files.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';
import { isNoiseFile } from '../dist/src/noise-files.js';
import { MAX_FILE_BYTES } from '../dist/src/sources/limits.js';

export const CORPUS = process.env.CORPUS ?? '/tmp/corpus';
const MARKER = path.join(CORPUS, '.corpus-complete');
const DEFAULT_MIRRORS = [
  'ansible+ansible',
  'psf+requests',
  'spring-projects+spring-petclinic',
  'expressjs+express',
  'getsentry+sentry-python',
];

function mirrors() {
  if (process.env.CORPUS_MIRRORS) return process.env.CORPUS_MIRRORS.split(':').filter(Boolean);
  return DEFAULT_MIRRORS.map((m) => `/work/.mirror/${m}/repo`).filter((d) => fs.existsSync(d));
}

/** Copies node_modules with its folder names changed, so the default node_modules skip does not apply. */
function copyDeps(from, to) {
  for (const d of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, d.name);
    const dst = path.join(to, d.name === 'node_modules' ? 'deps' : d.name);
    if (d.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      copyDeps(src, dst);
    } else if (d.isFile()) fs.copyFileSync(src, dst);
  }
}

/** Removes what a directory scan would not read, so both tools see the same files. */
function prune(dir, rel = '') {
  for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    const p = path.join(dir, r);
    if (d.isSymbolicLink()) fs.rmSync(p);
    else if (d.isDirectory()) prune(dir, r);
    else if (d.isFile() && (isNoiseFile(r) || fs.statSync(p).size > MAX_FILE_BYTES)) fs.rmSync(p);
  }
}

export function buildCorpus() {
  if (fs.existsSync(MARKER)) return CORPUS;
  fs.rmSync(CORPUS, { recursive: true, force: true });
  fs.mkdirSync(CORPUS, { recursive: true });
  copyDeps(path.join(ROOT, 'node_modules'), path.join(CORPUS, 'deps'));
  for (const m of mirrors()) {
    const name = path.basename(path.basename(m) === 'repo' ? path.dirname(m) : m).replace(/[^\w.-]+/g, '-');
    const to = path.join(CORPUS, name);
    fs.mkdirSync(to, { recursive: true });
    execSync(`git --git-dir=${JSON.stringify(m)} archive HEAD | tar -x -C ${JSON.stringify(to)}`, { shell: '/bin/bash' });
  }
  prune(CORPUS);
  fs.writeFileSync(MARKER, `${new Date().toISOString()}\n`);
  return CORPUS;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(buildCorpus());
