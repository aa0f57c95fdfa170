/**
 * Collects the lines read from one blob into fragments for the engine, handing one on every few
 * megabytes so that memory stays flat however big the blob is.
 */
import type { CommitInfo, Emit } from '../fragment';

const MAX_FRAGMENT_CHARS = 4 * 1024 * 1024;

export class FragmentSink {
  private lines: string[] = [];
  private lineNumbers: number[] = [];
  private chars = 0;
  /** Distinct line numbers handed on (a long line cut into pieces counts once). */
  lineCount = 0;
  private lastLine = 0;
  /** Set once a piece of a long line starts past column 1 (Fragment.columnOffsets). */
  private offsets?: number[];

  constructor(
    readonly file: string,
    private readonly commit: CommitInfo | undefined,
    private readonly emit: Emit,
  ) {}

  /** `at`: where `text` starts in its line (a piece of a very long line). */
  add(text: string, line: number, at = 0): void {
    this.lines.push(text);
    this.lineNumbers.push(line);
    if (at || this.offsets) (this.offsets ??= new Array<number>(this.lines.length - 1).fill(0)).push(at);
    if (line !== this.lastLine) this.lineCount++;
    this.lastLine = line;
    this.chars += text.length;
    if (this.chars > MAX_FRAGMENT_CHARS) this.flush();
  }

  private emitted = false;

  flush(): void {
    // A blob with no readable lines is still handed on once, empty: rules about file names (a .p12/.pfx key store) apply.
    if (this.lines.length || !this.emitted) {
      const offsets = this.offsets ? { columnOffsets: this.offsets } : {};
      this.emit({ file: this.file, lines: this.lines, lineNumbers: this.lineNumbers, commit: this.commit, ...offsets });
    }
    this.emitted = true;
    this.lines = [];
    this.lineNumbers = [];
    this.offsets = undefined;
    this.chars = 0;
  }
}
