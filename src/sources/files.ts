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
import { MAX_FILE_BYTES, tooBig } from './limits';
import { isNoiseFile } from '../noise-files';
import { scanBuffer } from './blob/blob-scanner';

export function textToFragment(file: string, text: string) {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return { file, lines, lineNumbers: lines.map((_, i) => i + 1) };
}

function walk(dir: string, base: string, out: Array<[string, string]>): void {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.name === '.git') continue;
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p, base, out);
    else if (d.isFile()) out.push([p, path.relative(base, p).split(path.sep).join('/')]);
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
  walk(abs, base, out);
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

/** Reads one file as a fragment, or says why it was not read. Binary content (NUL bytes) is `binary`, read by filesSource. */
export function readFileFragment(
  abs: string,
  rel: string,
): { fragment?: ReturnType<typeof textToFragment>; notice?: Notice; binary?: Buffer } {
  const st = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (!st || !st.isFile()) return {};
  if (st.size > MAX_FILE_BYTES) return { notice: tooBig(rel, st.size) };
  const buf = fs.readFileSync(abs);
  if (buf.subarray(0, 8000).includes(0)) return { binary: buf };
  return { fragment: textToFragment(rel, buf.toString('utf8')) };
}

export function filesSource(files: Array<[string, string]>, emit: Emit, notices: Notice[]): SourceStats {
  const stats: SourceStats = { filesScanned: 0, linesScanned: 0, commitsScanned: 0 };
  for (const [abs, rel] of files) {
    const { fragment, notice, binary } = readFileFragment(abs, rel);
    if (notice) notices.push(notice);
    if (binary) {
      // UTF-16 text, or the printable runs of a binary format (SQLite, .pyc, Office): read like any other text.
      stats.filesScanned++;
      stats.linesScanned += scanBuffer(rel, binary, emit).lineCount;
      continue;
    }
    if (!fragment) continue;
    stats.filesScanned++;
    stats.linesScanned += fragment.lines.length;
    emit(fragment);
  }
  return stats;
}
