/**
 * Splits decoded text into numbered lines as it streams in. A line longer than MAX_PIECE is handed on
 * in pieces that overlap by OVERLAP characters, so a key is never cut and memory stays bounded.
 */
import type { FragmentSink } from './fragment-sink';

export const MAX_PIECE = 1024 * 1024;
export const OVERLAP = 4096;

export class TextLines {
  private pending: string[] = [];
  private pendingLen = 0;
  private line = 1;

  constructor(private readonly sink: FragmentSink) {}

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
      this.sink.add(l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l, this.line++);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) this.hold(text.slice(start));
  }

  end(): void {
    const rest = this.pending.join('');
    this.pending = [];
    this.pendingLen = 0;
    if (rest) this.sink.add(rest.endsWith('\r') ? rest.slice(0, -1) : rest, this.line++);
    this.sink.flush();
  }

  private hold(text: string): void {
    this.pending.push(text);
    this.pendingLen += text.length;
    if (this.pendingLen <= MAX_PIECE) return;
    const joined = this.pending.join('');
    this.sink.add(joined, this.line);
    this.pending = [joined.slice(-OVERLAP)];
    this.pendingLen = OVERLAP;
  }
}
