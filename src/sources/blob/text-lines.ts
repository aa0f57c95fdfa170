/**
 * Line splitting for streamed text. LineSplitter hands on each complete line (without its CR LF) and
 * never holds a line longer than MAX_PIECE: it asks `onLong` what to keep of it. TextLines numbers the
 * lines of decoded blob text; a long line goes on in pieces that overlap by OVERLAP characters, so a
 * key is never cut and memory stays bounded.
 */
import type { FragmentSink } from './fragment-sink';

export const MAX_PIECE = 1024 * 1024;
export const OVERLAP = 4096;

export class LineSplitter {
  private pending: string[] = [];
  private pendingLen = 0;

  constructor(
    private readonly onLine: (l: string) => void,
    private readonly onLong: (partial: string) => string,
  ) {}

  push(text: string): void {
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      let l = text.slice(start, nl);
      if (this.pending.length) {
        l = this.pending.join('') + l;
        this.pending = [];
        this.pendingLen = 0;
      }
      this.onLine(l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) this.hold(text.slice(start));
  }

  end(): void {
    const rest = this.pending.join('');
    this.pending = [];
    this.pendingLen = 0;
    if (rest) this.onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  }

  private hold(text: string): void {
    this.pending.push(text);
    this.pendingLen += text.length;
    if (this.pendingLen <= MAX_PIECE) return;
    this.pending = [this.onLong(this.pending.join(''))];
    this.pendingLen = this.pending[0].length;
  }
}

export class TextLines {
  private line = 1;
  /** Where the text held for the current line starts in it (past 0 once a long line went on in pieces). */
  private at = 0;
  private splitter = new LineSplitter(
    (l) => {
      this.sink.add(l, this.line++, this.at);
      this.at = 0;
    },
    (partial) => {
      this.sink.add(partial, this.line, this.at);
      const kept = partial.slice(-OVERLAP);
      this.at += partial.length - kept.length;
      return kept;
    },
  );

  constructor(private readonly sink: FragmentSink) {}

  push(text: string): void {
    this.splitter.push(text);
  }

  end(): void {
    this.splitter.end();
    this.sink.flush();
  }
}
