/**
 * The text inside binary content (SQLite pages, .pyc constants, legacy Office documents, executables):
 * runs of printable ASCII, and runs of UTF-16 (little and big endian, at either byte alignment), like
 * `strings -e s/l/b`. Each run of MIN_RUN characters or more is handed on as a line; line numbers
 * count the newline bytes before the run. Streams: no more than a bounded piece of a run is held.
 */
import type { FragmentSink } from './fragment-sink';
import { MAX_PIECE, OVERLAP } from './text-lines';

const MIN_RUN = 8;

function printable(b: number): boolean {
  return (b >= 0x20 && b <= 0x7e) || b === 9;
}

/** One UTF-16 reader: pairs of bytes starting at one parity, one byte order. */
class WideRun {
  codes: number[] = [];
  line = 0;
  constructor(
    readonly parity: number,
    readonly littleEndian: boolean,
  ) {}
}

export class PrintableRuns {
  private line = 1;
  private pos = 0;
  private prev = -1;
  /** The narrow run so far: text from earlier chunks, and where it started. */
  private narrow = '';
  private narrowLine = 0;
  private wide = [new WideRun(0, true), new WideRun(1, true), new WideRun(0, false), new WideRun(1, false)];

  constructor(private readonly sink: FragmentSink) {}

  push(buf: Buffer): void {
    let start = -1; // start of the narrow run inside this chunk
    if (this.narrow) start = 0;
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i];
      if (printable(b)) {
        if (start === -1) {
          start = i;
          this.narrowLine = this.line;
        }
      } else if (start !== -1) {
        this.endNarrow(this.narrow + buf.toString('latin1', start, i));
        start = -1;
      }
      if (this.prev !== -1) this.pair(this.prev, b);
      if (b === 10) this.line++;
      this.prev = b;
      this.pos++;
    }
    this.narrow = start === -1 ? '' : this.narrow + buf.toString('latin1', start);
    if (this.narrow.length > MAX_PIECE) {
      this.sink.add(this.narrow, this.narrowLine);
      this.narrow = this.narrow.slice(-OVERLAP);
    }
  }

  end(): void {
    if (this.narrow) this.endNarrow(this.narrow);
    for (const w of this.wide) this.endWide(w);
    this.sink.flush();
  }

  private endNarrow(text: string): void {
    this.narrow = '';
    if (text.length >= MIN_RUN) this.sink.add(text, this.narrowLine);
  }

  /** The bytes at pos-1 and pos form a pair for the readers whose pairs start at pos-1's parity. */
  private pair(a: number, b: number): void {
    const parity = (this.pos - 1) & 1;
    for (const w of this.wide) {
      if (w.parity !== parity) continue;
      const ch = w.littleEndian ? (b === 0 && printable(a) ? a : -1) : a === 0 && printable(b) ? b : -1;
      if (ch === -1) {
        this.endWide(w);
        continue;
      }
      if (!w.codes.length) w.line = this.line;
      w.codes.push(ch);
      if (w.codes.length > MAX_PIECE) {
        this.sink.add(codesToString(w.codes), w.line);
        w.codes = w.codes.slice(-OVERLAP);
      }
    }
  }

  private endWide(w: WideRun): void {
    if (w.codes.length >= MIN_RUN) this.sink.add(codesToString(w.codes), w.line);
    w.codes = [];
  }
}

function codesToString(codes: number[]): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode(...codes.slice(i, i + 8192));
  return s;
}
