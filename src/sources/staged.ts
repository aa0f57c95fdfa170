/**
 * The staged source: lines added in the index against HEAD (or the empty tree before the first commit),
 * read from the index, never the work tree (git.stagedEntries: one `git diff --cached`, so the commit path
 * stays fast). What it shows as "Binary files differ" is read from the blob itself, in bounded memory: files
 * git calls binary (a NUL byte, UTF-16, `-diff`/`binary` attributes) and, through core.bigFileThreshold,
 * files over the size limit. Submodules and valid Git LFS pointers are notices.
 */
import type { Git } from '../git';
import { PatchParser, type BinaryBlob } from '../diff/patch-parser';
import { SUBMODULE_MODE } from '../git/parse-raw-diff';
import type { Emit, Notice, SourceStats } from './fragment';
import { MAX_FILE_BYTES } from './limits';
import { LFS_HEADER, lfsPointerOf, type LfsPointer } from './lfs';

export async function stagedSource(git: Git, emit: Emit, notices: Notice[]): Promise<SourceStats> {
  const whole: BinaryBlob[] = [];
  const pointers: LfsPointer[] = [];
  const parser = new PatchParser(
    (f) => {
      const p = f.lines[0] === LFS_HEADER ? lfsPointerOf(f) : null;
      if (p)
        pointers.push(p); // its local object is scanned below instead
      else emit(f);
    },
    undefined,
    (b) => whole.push(b),
    () => undefined, // a submodule's "Subproject commit" line is no content; its notice comes from the raw records
  );
  // Files over the limit come out as "Binary files differ" (git does not diff them) and are streamed below.
  const entries = await git.stagedEntries({ onPatch: (d) => parser.feed(d), bigFileThreshold: MAX_FILE_BYTES });
  parser.end();
  for (const e of entries)
    if (e.dstMode === SUBMODULE_MODE)
      notices.push({ file: e.path, reason: 'submodule: not descended into (scan it from inside the submodule)' });
  const stats: SourceStats = { filesScanned: parser.files, linesScanned: parser.lineCount, commitsScanned: 0 };
  if (whole.length) {
    const { scanBlobs } = await import('./blob/read-blobs'); // loaded only when needed: the commit path stays fast
    stats.linesScanned += (await scanBlobs(git, whole, emit, notices)).lines;
  }
  if (pointers.length) await (await import('./lfs-objects')).scanLfsObjects(git, pointers, emit, notices);
  return stats;
}
