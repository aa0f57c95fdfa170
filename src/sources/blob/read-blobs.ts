/**
 * Reads blobs with one `git cat-file --batch` (their ids on stdin) and scans each in full through
 * BlobScanner. Used where a diff cannot be trusted to show the content: what git calls binary, files
 * over the diff size limit, a tag that points at a blob. A blob git cannot read is a notice that marks
 * the scan incomplete (the hooks then refuse rather than pass it).
 */
import type { Git } from '../../git';
import type { CommitInfo, Emit, Notice } from '../fragment';
import { BlobScanner } from './blob-scanner';

export interface BlobRef {
  file: string;
  sha: string;
  commit?: CommitInfo;
}

export interface BlobStats {
  files: number;
  lines: number;
}

export function unreadable(file: string, what: string): Notice {
  return { file, reason: `${what}: could not be read, so it was not scanned`, unscanned: true };
}

export async function scanBlobs(git: Git, blobs: BlobRef[], emit: Emit, notices: Notice[]): Promise<BlobStats> {
  const seen = new Set<string>();
  const queue = blobs.filter((b) => {
    const k = `${b.sha}\0${b.file}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const stats: BlobStats = { files: 0, lines: 0 };
  let next = 0;
  // A git failure here rejects: the command stops with exit 2, which is failing closed.
  await git.catFileBatch(
    queue.map((b) => b.sha),
    {
      object: () => {
        const b = queue[next++];
        stats.files++;
        const scanner = new BlobScanner(b.file, b.commit, emit);
        return {
          push: (d) => scanner.push(d),
          end: () => {
            scanner.end();
            stats.lines += scanner.lineCount;
          },
        };
      },
      missing: (name, why) => {
        const b = queue[next++];
        notices.push(unreadable(b?.file ?? name, `object ${name.slice(0, 12)} (${why})`));
      },
    },
  );
  return stats;
}
