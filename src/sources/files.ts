/**
 * The files source: files and folders on disk. Inside a git work tree the file list comes from
 * `git ls-files` (tracked plus untracked, .gitignore respected); a path that is itself ignored, or a
 * folder outside any repo, is walked directly, skipping .git. Files over the size limit are noted, not
 * read; binary files are read through their text (blob/blob-scanner.ts); symlinks are not followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from '../git';
import { UserError } from '../errors';
import type { Emit, Notice, SourceStats } from './fragment';
import { tooBig } from './limits';
import { readFileBytes } from './file-bytes';
import { isNoiseFile } from '../noise-files';
import { scanBuffer } from './blob/blob-scanner';

/** 1, 2, 3, ...: sliced for each fragment instead of built number by number. */
const lineNumberRun: number[] = [];
function lineNumbersUpTo(n: number): number[] {
  for (let i = lineNumberRun.length; i < n; i++) lineNumberRun.push(i + 1);
  return lineNumberRun.slice(0, n);
}

export function textToFragment(file: string, text: string) {
  const lines = text.split('\n');
  if (text.indexOf('\r') !== -1) for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return { file, lines, lineNumbers: lineNumbersUpTo(lines.length) };
}

/** Every file under `dir`, whose path from the base is `rel` ('' for the base itself). */
function walk(dir: string, rel: string, out: Array<[string, string]>): void {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.name === '.git') continue;
    const p = path.join(dir, d.name);
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) walk(p, r, out);
    else if (d.isFile()) out.push([p, r]);
  }
}

/** Whether `abs` is in the work tree at `root` (git's root is a real path; the target may pass through a symlink). */
function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, fs.realpathSync(abs));
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** [absolute path, path from the base] of every file under a target. */
async function listFiles(target: string, git: Git | null, repoRoot: string | null, base: string): Promise<Array<[string, string]>> {
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!st) throw new UserError(`no such file or folder: ${target}`);
  if (st.isSymbolicLink()) return [];
  const abs = path.resolve(target);
  if (st.isFile()) return [[abs, path.relative(base, abs).split(path.sep).join('/')]];
  if (git && repoRoot && isInside(repoRoot, abs)) {
    if (!(await git.isIgnored(path.relative(repoRoot, abs)))) {
      // git runs at the repo root, so its paths are already the ones reports show.
      const rootSlash = repoRoot.endsWith('/') ? repoRoot : `${repoRoot}/`;
      return (await git.workTreeFiles(abs)).map((f) => [rootSlash + f, f]);
    }
  }
  const out: Array<[string, string]> = [];
  walk(abs, path.relative(base, abs).split(path.sep).join('/'), out);
  return out;
}

/** Whether a file found under a scanned folder is skipped by default (node_modules, lock files, minified bundles, source maps). */
export function skippedByDefault(rel: string, target: string): boolean {
  if (isNoiseFile(rel)) return true;
  // node_modules is skipped unless the user named a path inside it.
  return /(^|\/)node_modules\//.test(rel) && !/(^|\/)node_modules(\/|$)/.test(target.split(path.sep).join('/'));
}

/** The files a scan of `targets` covers, as [absolute path, path shown in reports]. */
export async function listScanFiles(
  targets: string[],
  git: Git | null,
  repoRoot: string | null,
  useDefaultSkips: boolean,
): Promise<Array<[string, string]>> {
  const base = repoRoot ?? process.cwd();
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const t of targets) {
    for (const [abs, rel] of await listFiles(t, git, repoRoot, base)) {
      if (seen.has(rel) || (useDefaultSkips && skippedByDefault(rel, t))) continue;
      seen.add(rel);
      out.push([abs, rel]);
    }
  }
  return out;
}

/** Reads one file as a fragment, or says why it was not read. Binary content (NUL bytes) is `binary`, read by scanFile. */
export function readFileFragment(
  abs: string,
  rel: string,
): { fragment?: ReturnType<typeof textToFragment>; notice?: Notice; binary?: Buffer } {
  const read = readFileBytes(abs);
  if (read.kind === 'none') return {};
  if (read.kind === 'too-big') return { notice: tooBig(rel, read.size) };
  const buf = read.bytes;
  // The read buffer is reused by the next file: binary content gets a copy of its own.
  if (buf.subarray(0, 8000).includes(0)) return { binary: Buffer.from(buf) };
  return { fragment: textToFragment(rel, buf.toString('utf8')) };
}

/** Reads and scans one file, adding to the stats and notices. */
export function scanFile(abs: string, rel: string, emit: Emit, notices: Notice[], stats: SourceStats): void {
  const { fragment, notice, binary } = readFileFragment(abs, rel);
  if (notice) notices.push(notice);
  if (binary) {
    // UTF-16 text, or the printable runs of a binary format (SQLite, .pyc, Office): read like any other text.
    stats.filesScanned++;
    stats.linesScanned += scanBuffer(rel, binary, emit).lineCount;
    return;
  }
  if (!fragment) return;
  stats.filesScanned++;
  stats.linesScanned += fragment.lines.length;
  emit(fragment);
}

export function filesSource(files: Array<[string, string]>, emit: Emit, notices: Notice[]): SourceStats {
  const stats: SourceStats = { filesScanned: 0, linesScanned: 0, commitsScanned: 0 };
  for (const [abs, rel] of files) scanFile(abs, rel, emit, notices, stats);
  return stats;
}
