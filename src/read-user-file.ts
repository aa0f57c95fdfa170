/**
 * Reading a file the repository or the user points leakguard at (the config, .leakguardignore, the
 * baseline, package.json). Any of them may be a symlink committed to the repository, so each is checked
 * before it is opened: a FIFO would make the hook wait forever, a device (/dev/zero) would fill memory,
 * a folder cannot be read. Those, and files over MAX_BYTES, stop the run (exit 2) with the file's name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors';

const MAX_BYTES = 32 * 1024 * 1024;

/** The file's text, or null when there is no such file. `what` names it in the error ("the baseline"). */
export function readUserFile(file: string, what: string): string | null {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return null;
  const shown = path.relative(process.cwd(), file) || file;
  const refuse = (why: string) =>
    new UserError(
      `${what} ${shown} ${why}, so it was not read.`,
      `Make ${shown} a regular file (not a link to one elsewhere) and run again.`,
    );
  if (st.isDirectory()) throw refuse('is a folder');
  if (!st.isFile()) throw refuse('is not a regular file (a pipe, a device or a socket)');
  if (st.size > MAX_BYTES) throw refuse(`is larger than ${MAX_BYTES / 1048576} MB`);
  return fs.readFileSync(file, 'utf8');
}
