/**
 * The staged source: lines added in the index against HEAD (or the empty tree before the first commit).
 * Everything is read from the index, never the work tree, so `git add -p` is judged on what will be
 * committed. One `git diff --cached` does it all (the commit path stays fast): what it shows as
 * "Binary files differ" is read from the blob itself, in bounded memory: files git calls binary (a NUL
 * byte, UTF-16, `-diff`/`binary` attributes) and, through core.bigFileThreshold, files over the size
 * limit. Submodules and valid Git LFS pointers are notices.
 */
import type { Git } from '../git';
import { PatchParser, type BinaryBlob } from '../diff/patch-parser';
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
    (file, mode) => {
      if (mode === '160000') notices.push({ file, reason: 'submodule: not descended into (scan it from inside the submodule)' });
    },
  );
  const args = [
    'diff',
    '--cached',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--full-index',
    '-M',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--diff-filter=ACMRT',
  ];
  // Files over the limit come out as "Binary files differ" (git does not diff them) and are streamed below.
  await git.stream(args, (d) => parser.feed(d), '', [`core.bigFileThreshold=${MAX_FILE_BYTES}`]);
  parser.end();
  const stats: SourceStats = { filesScanned: parser.files, linesScanned: parser.lineCount, commitsScanned: 0 };
  if (whole.length) {
    const { scanBlobs } = await import('./blob/read-blobs'); // loaded only when needed: the commit path stays fast
    stats.linesScanned += (await scanBlobs(git, whole, emit, notices)).lines;
  }
  if (pointers.length) await (await import('./lfs-objects')).scanLfsObjects(git, pointers, emit, notices);
  return stats;
}
