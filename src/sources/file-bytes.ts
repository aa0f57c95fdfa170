/**
 * Reads a file from disk for a directory scan with as few system calls as a large tree allows: one
 * open that refuses symlinks and never blocks (a FIFO), one fstat for the type and size, reads into a
 * buffer reused from file to file. The answer is the one an lstat then a whole read would give:
 * symlinks, folders, sockets and FIFOs are not read, a file gone since the listing is not read, any
 * other failure is thrown.
 */
import fs from 'node:fs';
import { MAX_FILE_BYTES } from './limits';

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
/** Without O_NOFOLLOW (Windows) an lstat comes first, as symlinks must not be followed. */
const CAN_REFUSE_LINKS = typeof O_NOFOLLOW === 'number';
const OPEN_FLAGS = O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0);

let shared = Buffer.allocUnsafe(1 << 20);

export type FileBytes =
  /** Not a regular file (or gone): nothing to read. */
  | { kind: 'none' }
  | { kind: 'too-big'; size: number }
  /** Valid until the next call: the buffer is reused. */
  | { kind: 'bytes'; bytes: Buffer };

const isRegular = (abs: string) => fs.lstatSync(abs, { throwIfNoEntry: false })?.isFile() === true;

function open(abs: string): number | null {
  if (!CAN_REFUSE_LINKS && !isRegular(abs)) return null;
  try {
    return fs.openSync(abs, OPEN_FLAGS);
  } catch (e) {
    // A symlink (refused by O_NOFOLLOW), a socket or a file removed since the listing is skipped as lstat would.
    if (!isRegular(abs)) return null;
    throw e;
  }
}

export function readFileBytes(abs: string): FileBytes {
  const fd = open(abs);
  if (fd === null) return { kind: 'none' };
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { kind: 'none' };
    if (st.size > MAX_FILE_BYTES) return { kind: 'too-big', size: st.size };
    if (shared.length < st.size) shared = Buffer.allocUnsafe(Math.max(st.size, shared.length * 2));
    // Up to the size fstat gave, as a whole-file read does.
    let n = 0;
    while (n < st.size) {
      const r = fs.readSync(fd, shared, n, st.size - n, null);
      if (r === 0) break;
      n += r;
    }
    return { kind: 'bytes', bytes: shared.subarray(0, n) };
  } finally {
    fs.closeSync(fd);
  }
}
