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

  constructor(
    readonly file: string,
    private readonly commit: CommitInfo | undefined,
    private readonly emit: Emit,
  ) {}

  add(text: string, line: number): void {
    this.lines.push(text);
    this.lineNumbers.push(line);
    if (line !== this.lastLine) this.lineCount++;
    this.lastLine = line;
    this.chars += text.length;
    if (this.chars > MAX_FRAGMENT_CHARS) this.flush();
  }

  private emitted = false;

  flush(): void {
    // A blob with no readable lines is still handed on once, empty: rules about file names (a .p12/.pfx key store) apply.
    if (this.lines.length || !this.emitted)
      this.emit({ file: this.file, lines: this.lines, lineNumbers: this.lineNumbers, commit: this.commit });
    this.emitted = true;
    this.lines = [];
    this.lineNumbers = [];
    this.chars = 0;
  }
}
