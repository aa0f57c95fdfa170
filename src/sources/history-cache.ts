/**
 * What a history audit already knows: the commits it judged clean (nothing in their new blobs, paths or
 * message, nothing read across lines), kept in the repository's git folder under a signature of the rules,
 * the ignored paths and leakguard's build. A commit is immutable (its id names its tree, parents and
 * message), so the next audit with the same signature skips it: only new commits are read. Nothing is
 * kept for a commit with anything in it; those are read again, every time.
 *
 * The file: the signature and the id width on the first line, then the commit ids, sorted, as bytes. Looked up by binary
 * search on those bytes (20 bytes a commit: a million commits take 20 MB). A file that cannot be read or
 * written (a read-only clone) is no error: the audit then judges every commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from '../git';
import type { ShaList } from './sha-list';

/** What earlier audits left: whether there is a file at all (known at once), and the commits in it. */
export interface Remembered {
  exists: boolean;
  clean: Promise<CleanCommits | undefined>;
}

export interface CleanCommits {
  /** How many commits are known clean. */
  readonly size: number;
  has(sha: string): boolean;
  add(sha: string): void;
  /** Writes what was added (atomically: a new file renamed over the old one). */
  save(): void;
}

const NAME = 'clean-commits';
/** Where the clean commits of the repository whose git folder is `gitDir` are kept. */
export const cacheFile = (gitDir: string): string => path.join(gitDir, 'leakguard', NAME);
/** LEAKGUARD_HISTORY_CACHE=off: judge every commit and write nothing. */
export const cacheOff = (): boolean => process.env.LEAKGUARD_HISTORY_CACHE === 'off';

export function openCleanCommits(gitDir: string, signature: string): CleanCommits {
  const file = cacheFile(gitDir);
  const known = readKnown(file, signature);
  const added = new Set<string>();
  return {
    size: known.ids.length / known.width,
    has: (sha) => added.has(sha) || has(known, sha),
    add: (sha) => {
      if (!has(known, sha)) added.add(sha);
    },
    save: () => {
      if (!added.size) return;
      try {
        const w = known.ids.length ? known.width : [...added][0].length / 2;
        const all: Buffer[] = [];
        for (let i = 0; i < known.ids.length; i += w) all.push(known.ids.subarray(i, i + w));
        for (const sha of added) if (sha.length === w * 2) all.push(Buffer.from(sha, 'hex'));
        all.sort(Buffer.compare);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${signature} ${w}\n`), ...all]));
        fs.renameSync(tmp, file);
      } catch {
        // A git folder we cannot write to: the next audit judges every commit again.
      }
    },
  };
}

interface Known {
  ids: Buffer;
  width: number;
}
const NONE: Known = { ids: Buffer.alloc(0), width: 20 };

function has(k: Known, sha: string): boolean {
  return k.ids.length > 0 && sha.length === k.width * 2 && search(k.ids, Buffer.from(sha, 'hex'));
}

/** The cache is ours: anything but a regular file of a sane size (a FIFO, /dev/zero, a link) is ignored. */
const MAX_BYTES = 64 * 1024 * 1024;

function readKnown(file: string, signature: string): Known {
  try {
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > MAX_BYTES) return NONE;
    const buf = fs.readFileSync(file);
    const nl = buf.indexOf(10);
    const [sig, w] = buf.toString('latin1', 0, Math.max(nl, 0)).split(' ');
    // SHA-1 ids are 20 bytes, SHA-256 ones 32: the first line says which (a repository has one kind).
    const width = Number(w);
    const ids = buf.subarray(nl + 1);
    if (nl === -1 || sig !== signature || (width !== 20 && width !== 32) || ids.length % width) return NONE;
    return { ids, width };
  } catch {
    return NONE;
  }
}

function search(ids: Buffer, id: Buffer): boolean {
  const w = id.length;
  let lo = 0;
  let hi = ids.length / w - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = ids.compare(id, 0, w, mid * w, mid * w + w);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The commits of `revs` not known clean, in git log's order, as stdin for a walk of only those (the
 * others are counted through `onKnown`). Listing commits takes git a few milliseconds; diffing their
 * trees is what a walk spends its time on.
 */
export async function commitsToJudge(git: Git, revs: string[], known: CleanCommits, onKnown: (sha: string) => void): Promise<string> {
  const out: string[] = [];
  const sort = (sha: string) => {
    if (!sha) return;
    if (known.has(sha)) onKnown(sha);
    else out.push(sha);
  };
  let rest = '';
  await git.stream(['rev-list', ...revs, '--'], (d) => {
    const lines = (rest + d.toString('latin1')).split('\n');
    rest = lines.pop()!;
    lines.forEach(sort);
  });
  sort(rest);
  return out.length ? out.join('\n') + '\n' : '';
}

/** Adds the commits of `judged` not in `dirty` (anything found, or unreadable) and writes the file. */
export function rememberClean(cache: CleanCommits, judged: ShaList, dirty: Set<string>): void {
  for (const slice of judged.slices()) for (const s of slice) if (!dirty.has(s)) cache.add(s);
  cache.save();
}
