/**
 * The staged source: lines added in the index against HEAD (or the empty tree before the first commit).
 * Everything is read from the index, never the work tree, so `git add -p` is judged on what will be
 * committed. What a text diff would not show is read from the blob itself: files git calls binary
 * (a NUL byte, UTF-16, `-diff`/`binary` attributes) and files over the diff size limit, streamed in
 * bounded memory. Submodules and valid Git LFS pointers are notices.
 */
import type { Git } from '../git';
import { PatchParser, type BinaryBlob } from '../diff/patch-parser';
import type { Emit, Notice, SourceStats } from './fragment';
import { MAX_FILE_BYTES } from './limits';
import { isLfsPointer, LFS_HEADER } from './lfs';

interface Entry { mode: string; sha: string; status: string; path: string }

/** Parses `git diff --raw -z --no-abbrev`: ":old new oldsha newsha status\0path\0[path2\0]". */
export function parseRawZ(out: string): Entry[] {
  const parts = out.split('\0');
  const entries: Entry[] = [];
  for (let i = 0; i < parts.length; i++) {
    const meta = parts[i];
    if (!meta.startsWith(':')) continue;
    const [, newMode, , newSha, status] = meta.slice(1).split(' ');
    const twoPaths = status.startsWith('R') || status.startsWith('C');
    const path = parts[twoPaths ? i + 2 : i + 1];
    i += twoPaths ? 2 : 1;
    entries.push({ mode: newMode, sha: newSha, status, path });
  }
  return entries;
}

export async function stagedSource(git: Git, emit: Emit, notices: Notice[]): Promise<SourceStats> {
  const raw = await git.raw(['diff', '--cached', '--raw', '-z', '--no-abbrev', '-M', '--diff-filter=ACMRT', '--no-ext-diff']);
  const entries = parseRawZ(raw);
  const skip: string[] = [];
  const candidates: Entry[] = [];
  for (const e of entries) {
    if (e.mode === '160000') notices.push({ file: e.path, reason: 'submodule: not descended into (scan it from inside the submodule)' });
    else if (e.mode === '120000') { /* a symlink's blob is its target path: not followed, nothing to scan */ }
    else { candidates.push(e); continue; }
    skip.push(e.path);
  }
  // Files too big to diff are read whole, as a stream.
  const whole: BinaryBlob[] = [];
  if (candidates.length) {
    // One call for every size; the object list goes in on stdin.
    const sizes = (await git.run(['cat-file', '--batch-check=%(objectsize)'], candidates.map((e) => e.sha).join('\n') + '\n')).split('\n');
    candidates.forEach((e, i) => {
      if (Number(sizes[i]) > MAX_FILE_BYTES) {
        whole.push({ file: e.path, sha: e.sha });
        skip.push(e.path);
      }
    });
  }
  const stats: SourceStats = { filesScanned: 0, linesScanned: 0, commitsScanned: 0 };
  const skipped = new Set(skip);
  if (!candidates.every((c) => skipped.has(c.path))) {
    const parser = new PatchParser((f) => {
      if (f.lineNumbers[0] === 1 && f.lines[0] === LFS_HEADER && isLfsPointer(f.lines)) {
        notices.push({ file: f.file, reason: 'Git LFS pointer: the large file itself is not scanned' });
        return;
      }
      emit(f);
    }, undefined, (b) => whole.push(b));
    const args = ['diff', '--cached', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--full-index', '-M', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=ACMRT', '--', '.'];
    for (const p of skip) args.push(`:(exclude,literal)${p}`);
    await git.stream(args, (d) => parser.feed(d));
    parser.end();
    stats.filesScanned = parser.files;
    stats.linesScanned = parser.lineCount;
  }
  if (whole.length) {
    // Binary files were counted by the parser; the big ones, kept out of the diff, are counted here.
    stats.filesScanned += whole.filter((w) => skipped.has(w.file)).length;
    const { scanBlobs } = await import('./blob/read-blobs'); // loaded only when needed: the commit path stays fast
    stats.linesScanned += (await scanBlobs(git, whole, emit, notices)).lines;
  }
  return stats;
}
