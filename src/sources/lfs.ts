/**
 * Git LFS pointers. A real pointer holds nothing but a version line, the object's sha256 and its size
 * (plus extension lines), so it can pass unscanned with a note. A file that only starts like one is text
 * like any other and is scanned.
 */
import type { CommitInfo, Fragment } from './fragment';

export const LFS_HEADER = 'version https://git-lfs.github.com/spec/v1';

const LINE = [/^oid sha256:[0-9a-f]{64}$/, /^size \d+$/, /^ext-\d+-[A-Za-z0-9]+ sha256:[0-9a-f]{64}$/];

/** Whether `lines` (a whole file) are a valid LFS pointer and nothing else. */
export function isLfsPointer(lines: string[]): boolean {
  if (lines[0] !== LFS_HEADER || lines.length > 20) return false;
  const rest = lines.slice(1);
  if (!rest.some((l) => LINE[0].test(l)) || !rest.some((l) => LINE[1].test(l))) return false;
  return rest.every((l) => LINE.some((re) => re.test(l)));
}

export interface LfsPointer {
  file: string;
  oid: string;
  commit?: CommitInfo;
}

/** The pointer a fragment holds (a whole file's lines from line 1), or null. */
export function lfsPointerOf(f: Fragment): LfsPointer | null {
  if (f.lineNumbers[0] !== 1 || f.lines[0] !== LFS_HEADER || !isLfsPointer(f.lines)) return null;
  const oid = f.lines.find((l) => l.startsWith('oid sha256:'))!.slice(11);
  return { file: f.file, oid, commit: f.commit };
}
