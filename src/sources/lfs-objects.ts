/**
 * Git LFS objects behind valid pointers. The pointer is what git commits, but git-lfs uploads the object
 * with the push (its own pre-push hook), so the local copy in <git dir>/lfs/objects/aa/bb/<oid> is
 * scanned when it is there; when it is not, a notice says the large file was not scanned.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from '../git';
import type { Emit, Notice } from './fragment';
import { BlobScanner } from './blob/blob-scanner';
import { MAX_FILE_BYTES, tooBig } from './limits';
import type { LfsPointer } from './lfs';

async function scanFile(abs: string, p: LfsPointer, emit: Emit): Promise<void> {
  const scanner = new BlobScanner(p.file, p.commit, emit);
  for await (const chunk of fs.createReadStream(abs)) scanner.push(chunk as Buffer);
  scanner.end();
}

export async function scanLfsObjects(git: Git, pointers: LfsPointer[], emit: Emit, notices: Notice[]): Promise<void> {
  if (!pointers.length) return;
  const gitDir = await git.commonDir();
  const done = new Set<string>();
  for (const p of pointers) {
    if (done.has(`${p.oid}\0${p.file}`)) continue;
    done.add(`${p.oid}\0${p.file}`);
    const abs = path.join(gitDir, 'lfs', 'objects', p.oid.slice(0, 2), p.oid.slice(2, 4), p.oid);
    const st = fs.lstatSync(abs, { throwIfNoEntry: false });
    if (!st?.isFile())
      notices.push({
        file: p.file,
        reason: 'Git LFS pointer whose object is not in .git/lfs/objects here: the large file itself is not scanned',
      });
    else if (st.size > MAX_FILE_BYTES) notices.push(tooBig(p.file, st.size));
    else await scanFile(abs, p, emit);
  }
}
