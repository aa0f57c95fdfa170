/**
 * `git diff --raw -z` output: one record per changed path, every field ended by a NUL, paths byte for byte
 * (never quoted, whatever they hold):
 *   ":<src mode> <dst mode> <src sha> <dst sha> <status>[score]\0<path>\0"  (a rename or copy: "\0<old>\0<new>\0").
 * With a patch asked for too (`--raw -p -z`), one more NUL ends the records and the patch follows unchanged:
 * RawDiffSplitter takes the records off the front of that stream and hands the patch on as it comes.
 */

export interface RawEntry {
  srcMode: string;
  dstMode: string;
  srcSha: string;
  dstSha: string;
  /** A, C, D, M, R, T, U or X. */
  status: string;
  /** The similarity of a rename or copy (0-100). */
  score?: number;
  /** The path after the change. */
  path: string;
  /** The path before a rename or copy. */
  oldPath?: string;
}

/** File modes git writes for a submodule (a commit id) and a symbolic link (its target is the blob). */
export const SUBMODULE_MODE = '160000';
export const SYMLINK_MODE = '120000';

const META = /^:([0-7]{6}) ([0-7]{6}) ([0-9a-f]{4,64}) ([0-9a-f]{4,64}) ([ACDMRTUX])(\d{0,3})$/;

function entryOf(meta: string, paths: string[]): RawEntry {
  const m = META.exec(meta)!;
  const [, srcMode, dstMode, srcSha, dstSha, status, score] = m;
  const two = paths.length === 2;
  return {
    srcMode,
    dstMode,
    srcSha,
    dstSha,
    status,
    ...(score ? { score: Number(score) } : {}),
    path: paths[two ? 1 : 0],
    ...(two ? { oldPath: paths[0] } : {}),
  };
}

/** How many paths follow a record's meta field: two for a rename or copy. */
function pathCount(meta: string): number {
  return /[RC]\d*$/.test(meta) ? 2 : 1;
}

/**
 * Splits a `--raw -z` stream (with or without a patch after it) into records and the rest. Feed it chunks;
 * the bytes after the records go to `onRest` unchanged. A stream that does not start with a record is all rest.
 */
export class RawDiffSplitter {
  readonly entries: RawEntry[] = [];
  private pending: Buffer = Buffer.alloc(0);
  private inRecords = true;

  constructor(private readonly onRest: (chunk: Buffer) => void = () => undefined) {}

  feed(chunk: Buffer): void {
    if (!this.inRecords) return this.onRest(chunk);
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let pos = 0;
    while (pos < buf.length) {
      if (buf[pos] === 0 || buf[pos] !== 0x3a /* : */ || !this.startsRecord(buf, pos)) {
        this.inRecords = false;
        const rest = buf.subarray(buf[pos] === 0 ? pos + 1 : pos);
        this.pending = Buffer.alloc(0);
        if (rest.length) this.onRest(rest);
        return;
      }
      const end = this.recordEnd(buf, pos);
      if (end === -1) break;
      const fields = buf.toString('utf8', pos, end - 1).split('\0');
      this.entries.push(entryOf(fields[0], fields.slice(1)));
      pos = end;
    }
    this.pending = Buffer.from(buf.subarray(pos));
  }

  /** The records read; a record cut short at the end of the stream is dropped. */
  end(): RawEntry[] {
    this.pending = Buffer.alloc(0);
    return this.entries;
  }

  /** Whether the bytes at `pos` are a record's meta field (or could still become one: it is not complete yet). */
  private startsRecord(buf: Buffer, pos: number): boolean {
    const nul = buf.indexOf(0, pos);
    if (nul === -1) return buf.length - pos < 200;
    return META.test(buf.toString('latin1', pos, nul));
  }

  /** The offset just after the record at `pos`, or -1 when it is not all here yet. */
  private recordEnd(buf: Buffer, pos: number): number {
    let at = buf.indexOf(0, pos);
    if (at === -1) return -1;
    for (let n = pathCount(buf.toString('latin1', pos, at)); n > 0; n--) {
      at = buf.indexOf(0, at + 1);
      if (at === -1) return -1;
    }
    return at + 1;
  }
}

/** The records of a whole `--raw -z` output. */
export function parseRawDiff(out: Buffer | string): RawEntry[] {
  const s = new RawDiffSplitter();
  s.feed(typeof out === 'string' ? Buffer.from(out, 'utf8') : out);
  return s.end();
}
