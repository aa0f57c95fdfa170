/**
 * Reads one blob's bytes as they stream in and hands its text to the engine, whatever the encoding:
 * UTF-8 text line by line; UTF-16 (a byte-order mark, or the zero bytes of mostly-ASCII UTF-16) decoded;
 * a ZIP archive (Office, OpenDocument) entry by entry, gzip unpacked; anything else with NUL bytes as binary, through
 * its printable runs. Decided on the first SNIFF bytes, as git does.
 */
import { StringDecoder } from 'node:string_decoder';
import type { CommitInfo, Emit } from '../fragment';
import { FragmentSink } from './fragment-sink';
import { TextLines } from './text-lines';
import { PrintableRuns } from './printable-runs';
import { isGzip, isZip, unpack } from './archives';

const SNIFF = 8000;
/** An archive is held whole to open it up to this size; a bigger one is read through its printable runs. */
const MAX_ARCHIVE = 64 * 1024 * 1024;
/** Archives inside archives are opened this deep. */
const MAX_ARCHIVE_DEPTH = 2;

export type BlobKind = 'text' | 'utf16le' | 'utf16be' | 'binary';

/** What a blob holds, judged on its first bytes; `skip` is the length of a byte-order mark. */
export function classify(head: Buffer): { kind: BlobKind; skip: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'utf16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'utf16be', skip: 2 };
  const sample = head.subarray(0, SNIFF);
  if (!sample.includes(0)) return { kind: 'text', skip: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0 };
  const pairs = sample.length >> 1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (pairs >= 4 && oddZeros >= pairs / 2 && evenZeros <= pairs / 100) return { kind: 'utf16le', skip: 0 };
  if (pairs >= 4 && evenZeros >= pairs / 2 && oddZeros <= pairs / 100) return { kind: 'utf16be', skip: 0 };
  return { kind: 'binary', skip: 0 };
}

interface Reader {
  push(b: Buffer): void;
  end(): void;
}

/** UTF-8 or UTF-16 text into lines; big-endian UTF-16 is swapped to little-endian first. */
class Decoded implements Reader {
  private decoder: StringDecoder;
  private odd: Buffer | null = null;
  constructor(
    private readonly lines: TextLines,
    private readonly kind: BlobKind,
  ) {
    this.decoder = new StringDecoder(kind === 'text' ? 'utf8' : 'utf16le');
  }
  push(b: Buffer): void {
    if (this.kind === 'utf16be') {
      let buf = this.odd ? Buffer.concat([this.odd, b]) : Buffer.from(b);
      this.odd = buf.length & 1 ? buf.subarray(buf.length - 1) : null;
      buf = buf.subarray(0, buf.length & ~1);
      b = buf.swap16();
    }
    this.lines.push(this.decoder.write(b));
  }
  end(): void {
    this.lines.push(this.decoder.end());
    this.lines.end();
  }
}

/** A ZIP archive (Office, OpenDocument, .jar) or gzip stream: each file inside is scanned like a blob of its own. */
class Archive implements Reader {
  private parts: Buffer[] = [];
  private size = 0;
  private runs: PrintableRuns | null = null;
  lines = 0;
  constructor(
    private readonly sink: FragmentSink,
    private readonly emit: Emit,
    private readonly commit: CommitInfo | undefined,
    private readonly depth: number,
  ) {}
  push(b: Buffer): void {
    if (this.runs) return this.runs.push(b);
    this.parts.push(Buffer.from(b));
    this.size += b.length;
    if (this.size > MAX_ARCHIVE) this.fallBack(Buffer.concat(this.parts));
  }
  end(): void {
    if (this.runs) return this.runs.end();
    const buf = Buffer.concat(this.parts);
    this.parts = [];
    const inside = unpack(buf);
    if (!inside) {
      this.fallBack(buf);
      return this.runs!.end();
    }
    for (const data of inside) this.lines += scanBuffer(this.sink.file, data, this.emit, this.commit, this.depth + 1).lineCount;
  }
  private fallBack(buf: Buffer): void {
    this.parts = [];
    this.runs = new PrintableRuns(this.sink);
    this.runs.push(buf);
  }
}

export class BlobScanner {
  private head: Buffer[] = [];
  private headLen = 0;
  private reader?: Reader;
  private readonly sink: FragmentSink;
  kind?: BlobKind;

  constructor(
    file: string,
    private readonly commit: CommitInfo | undefined,
    private readonly emit: Emit,
    private readonly depth = 0,
  ) {
    this.sink = new FragmentSink(file, commit, emit);
  }

  get lineCount(): number {
    return this.sink.lineCount + (this.reader instanceof Archive ? this.reader.lines : 0);
  }

  push(b: Buffer): void {
    if (this.reader) return this.reader.push(b);
    this.head.push(b);
    this.headLen += b.length;
    if (this.headLen >= SNIFF) this.start();
  }

  end(): void {
    if (!this.reader) this.start();
    this.reader!.end();
  }

  private start(): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    const { kind, skip } = classify(head);
    this.kind = kind;
    if ((isZip(head) || isGzip(head)) && this.depth < MAX_ARCHIVE_DEPTH)
      this.reader = new Archive(this.sink, this.emit, this.commit, this.depth);
    else this.reader = kind === 'binary' ? new PrintableRuns(this.sink) : new Decoded(new TextLines(this.sink), kind);
    this.reader.push(head.subarray(skip));
  }
}

/** Scans a whole buffer (a file read from disk). */
export function scanBuffer(file: string, buf: Buffer, emit: Emit, commit?: CommitInfo, depth = 0): BlobScanner {
  const s = new BlobScanner(file, commit, emit, depth);
  s.push(buf);
  s.end();
  return s;
}
