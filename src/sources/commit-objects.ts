/**
 * The bytes of a pushed commit that `git log --format=%B` does not show: author and committer names and
 * emails, extra headers (mergetag, anything written with hash-object --literally), and a message git
 * would cut at a NUL byte or that is in another encoding (UTF-16). Read from the raw objects with one
 * `git cat-file --batch` (ids on stdin), one object at a time. A message of plain text is left to the
 * log pass, which already scans it.
 */
import type { Git } from '../git';
import type { CommitInfo, Emit, Notice } from './fragment';
import { BlobScanner } from './blob/blob-scanner';
import { unreadable } from './blob/read-blobs';
import { MESSAGE_FILE } from '../diff/patch-parser';

export const HEADER_FILE = '<commit header>';
/** Lines that carry object ids, not text anyone wrote. */
const STRUCTURAL = /^(tree|parent|object) [0-9a-f]{40,64}$|^type (commit|tree|blob|tag)$/;
/** Signature armour inside a gpgsig header: base64, not text. */
const ARMOUR = /^ [A-Za-z0-9+/=]*$|^(gpgsig(-sha256)? | )-----(BEGIN|END) (PGP|SSH) SIGNATURE-----$/;

/** The header lines worth scanning: all but object ids and the base64 of a signature. */
function textLines(head: string[]): string[] {
  let inSig = false;
  return head.filter((l) => {
    if (!l.startsWith(' ')) inSig = /^gpgsig(-sha256)? /.test(l);
    return !STRUCTURAL.test(l) && !(inSig && ARMOUR.test(l));
  });
}

function who(headers: string[], key: string): { name: string; date: string } {
  const line = headers.find((l) => l.startsWith(`${key} `))?.slice(key.length + 1) ?? '';
  const when = /> (\d+) [+-]\d{4}$/.exec(line);
  return { name: line.replace(/ \d+ [+-]\d{4}$/, ''), date: when ? new Date(Number(when[1]) * 1000).toISOString() : '' };
}

/** Scans a message git's text output would cut or garble (a NUL byte, UTF-16) through the blob reader, which decodes it. */
export function scanOddMessage(message: Buffer, file: string, commit: CommitInfo | undefined, emit: Emit): void {
  const scanner = new BlobScanner(file, commit, emit);
  scanner.push(message);
  scanner.end();
}

/** Scans one raw commit object. */
export function scanCommitObject(sha: string, body: Buffer, emit: Emit): void {
  const split = body.indexOf('\n\n');
  const head = (split === -1 ? body : body.subarray(0, split)).toString('utf8').split('\n');
  const message = split === -1 ? Buffer.alloc(0) : body.subarray(split + 2);
  const author = who(head, 'author');
  const commit: CommitInfo = { sha, author: author.name, date: author.date };
  const lines = textLines(head).map((l) => l.replace(/ \d+ [+-]\d{4}$/, ''));
  if (lines.length) emit({ file: HEADER_FILE, lines, lineNumbers: lines.map((_, i) => i + 1), commit });
  const encoding = head
    .find((l) => l.startsWith('encoding '))
    ?.slice(9)
    .trim()
    .toLowerCase();
  const plain = !message.includes(0) && (!encoding || /^utf-?8$/.test(encoding));
  if (!plain) scanOddMessage(message, MESSAGE_FILE, commit, emit);
}

/** Scans the raw objects of `shas` (commits); an unreadable one is a notice that fails the push closed. */
export async function scanCommitObjects(git: Git, shas: string[], emit: Emit, notices: Notice[]): Promise<void> {
  await git.catFileBatch(shas, {
    object: (sha) => {
      const parts: Buffer[] = [];
      return { push: (b) => parts.push(Buffer.from(b)), end: () => scanCommitObject(sha, Buffer.concat(parts), emit) };
    },
    missing: (name) => notices.push(unreadable(`<commit ${name.slice(0, 12)}>`, `commit object ${name.slice(0, 12)}`)),
  });
}
