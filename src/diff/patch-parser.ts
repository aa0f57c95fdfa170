/**
 * Incremental parser for `git diff -U0` and `git log -p -U0 --cc` output. Feed it chunks as they come;
 * it emits one Fragment per file per commit holding only the added lines, with their new line numbers.
 *
 * Lines of a combined diff (a merge, `--cc`) carry one column per parent; a line counts as added only
 * when it is new against every parent ("++"): that is what a conflict resolution wrote. Lines the merge
 * took from one side were scanned in the commit that wrote them.
 *
 * Where git prints "Binary files ... differ" the parser hands the new blob (its full id needs
 * --full-index) to `onBinary`: the caller reads and scans the blob itself. A commit's message, printed
 * by HISTORY_FORMAT one space in, is emitted as a fragment of MESSAGE_FILE.
 */
import { StringDecoder } from 'node:string_decoder';
import type { CommitInfo, Emit, Fragment } from '../sources/fragment';
import { pathFromHeader, unquotePath } from './unquote-path';
import { LineSplitter, OVERLAP } from '../sources/blob/text-lines';
import { nameLines, NAME_LINE } from '../sources/name-lines';

/** Marks the commit header lines we ask git log to print (see HISTORY_FORMAT). */
export const COMMIT_MARK = '\x01LG\x01';
/** The "file" a commit message's findings are reported in. */
export const MESSAGE_FILE = '<commit message>';
/** git log --format: the mark line with the commit, then the whole message, each line one space in. */
export const HISTORY_FORMAT = `--format=${COMMIT_MARK.replace(/\x01/g, '%x01')}%H%x01%an <%ae>%x01%aI%n%w(0,1,1)%B`;
/** A fragment is handed on once it holds this many characters, so memory stays flat on huge files. */
const MAX_FRAGMENT_CHARS = 1024 * 1024;

/** A submodule (a commit id, not content). A symlink's blob is its target text, which leaves with the commit: read as a line. */
const SPECIAL_MODES = new Set(['160000']);

export interface BinaryBlob {
  file: string;
  sha: string;
  commit?: CommitInfo;
}

export class PatchParser {
  private decoder = new StringDecoder('utf8');
  private splitter = new LineSplitter(
    (l) => this.line(l),
    (l) => this.long(l),
  );
  private commit?: CommitInfo;
  private file: string | null = null;
  private headerPath: string | null = null;
  private newSha = '';
  private newMode = '';
  private inHunk = false;
  /** A new path (an added, renamed or copied file) still to be scanned as a name. */
  private newPath = false;
  private inMessage = false;
  private parents = 1;
  private newLine = 0;
  private lines: string[] = [];
  private lineNumbers: number[] = [];
  private chars = 0;
  /** Where the current line's text held so far starts in it (past 0 once a long line went on in pieces). */
  private at = 0;
  /** Set once an entry starts past column 1 (Fragment.columnOffsets). */
  private offsets?: number[];
  commits = 0;
  files = 0;
  lineCount = 0;

  constructor(
    private readonly emit: Emit,
    private readonly onCommit?: (c: CommitInfo) => void,
    private readonly onBinary?: (b: BinaryBlob) => void,
    /** Given: submodules go here instead of being read as lines. */
    private readonly onSpecial?: (file: string, mode: string) => void,
  ) {}

  feed(chunk: Buffer): void {
    this.splitter.push(this.decoder.write(chunk));
  }

  end(): void {
    this.splitter.push(this.decoder.end());
    this.splitter.end();
    this.pathDone(this.headerPath);
    this.flush();
  }

  /** A new file's path leaves with the commit: scanned as a line of its own, reported at line 0 of that path. */
  private pathDone(path: string | null): void {
    if (!this.newPath || path === null) return;
    this.newPath = false;
    const lines = nameLines(path);
    this.emit({ file: path, lines, lineNumbers: lines.map(() => NAME_LINE), commit: this.commit });
  }

  /** What to keep of a very long unfinished line: its content is scanned piece by piece instead of held whole. */
  private long(joined: string): string {
    const cols = this.inMessage ? 1 : this.parents;
    const marks = joined.slice(0, cols);
    const content = this.inMessage ? marks === ' ' : this.inHunk && marks === '+'.repeat(cols);
    if (!content) return joined.slice(0, 2 * OVERLAP); // only its start matters (a header, a removed line)
    const body = joined.slice(cols);
    if (this.inMessage) this.messageLine(body, false);
    else this.added(body, false);
    const kept = body.slice(-OVERLAP);
    this.at += body.length - kept.length;
    return marks + kept;
  }

  private line(l: string): void {
    this.lineOf(l);
    this.at = 0;
  }

  private lineOf(l: string): void {
    const c = l.charCodeAt(0);
    if (this.inHunk) {
      if (c === 43 /* + */) {
        if (this.parents === 1) return this.added(l.slice(1));
        const cols = l.slice(0, this.parents);
        if (cols.indexOf('-') === -1) {
          if (cols.indexOf(' ') === -1) return this.added(l.slice(this.parents));
          this.newLine++;
        }
        return;
      }
      if (c === 32 /* space */) {
        if (this.parents > 1 && l.slice(0, this.parents).indexOf('-') === -1) this.newLine++;
        else if (this.parents === 1) this.newLine++;
        return;
      }
      if (c === 45 /* - */ || c === 92 /* \ */) return;
      if (c === 64 /* @ */) return this.hunk(l);
      this.inHunk = false;
    }
    if (this.inMessage) {
      if (c === 32) return this.messageLine(l.slice(1));
      if (l === '') return;
      this.flush();
      this.inMessage = false;
    }
    if (c === 64 && l.startsWith('@@')) return this.hunk(l);
    if (l.startsWith('diff ')) return this.diffHeader(l);
    if (l.startsWith('+++ ')) {
      this.file = pathFromHeader(l.slice(4));
      this.pathDone(this.file);
      if (this.file !== null && this.onSpecial && SPECIAL_MODES.has(this.newMode)) {
        this.onSpecial(this.file, this.newMode);
        this.file = null;
      }
      if (this.file !== null) this.files++;
      return;
    }
    if (l.startsWith('index ')) {
      const [range, mode] = l.slice(6).split(' ');
      this.newSha = range.slice(range.indexOf('..') + 2);
      if (mode) this.newMode = mode;
      return;
    }
    if (l.startsWith('new file mode ') || l.startsWith('new mode ')) {
      this.newMode = l.slice(l.lastIndexOf(' ') + 1);
      if (l.startsWith('new file mode ')) this.newPath = true;
      return;
    }
    if (l.startsWith('rename to ') || l.startsWith('copy to ')) {
      this.headerPath = unquotePath(l.slice(l.indexOf(' to ') + 4));
      this.newPath = true;
      return;
    }
    if (l.startsWith('Binary files ') && l.endsWith(' differ')) return this.binary();
    if (l.startsWith(COMMIT_MARK)) {
      this.pathDone(this.headerPath);
      this.newPath = false;
      this.flush();
      this.file = null;
      const [sha, author, date] = l.slice(COMMIT_MARK.length).split('\x01');
      this.commit = { sha, author, date };
      this.commits++;
      this.onCommit?.(this.commit);
      this.inMessage = true;
      this.newLine = 1;
    }
  }

  private diffHeader(l: string): void {
    this.pathDone(this.headerPath);
    this.newPath = false;
    this.flush();
    this.file = null;
    this.newSha = '';
    this.newMode = '';
    this.parents = l.startsWith('diff --cc ') || l.startsWith('diff --combined ') ? 2 : 1;
    if (this.parents > 1) {
      this.headerPath = unquotePath(l.slice(l.indexOf(' ', 5) + 1));
      return;
    }
    // "diff --git a/P b/P": without a rename both halves are the same path (quoted alike).
    const rest = l.slice('diff --git '.length);
    const half = (rest.length - 1) / 2;
    this.headerPath =
      Number.isInteger(half) && rest[half] === ' ' && rest.slice(2, half) === rest.slice(half + 3)
        ? pathFromHeader(rest.slice(half + 1))
        : null;
  }

  private binary(): void {
    if (/^0+$/.test(this.newSha)) return; // a deletion (new id all zeros) sends nothing new
    const file = this.headerPath ?? '<path git did not print>'; // still read: a name is no reason to skip content
    // No id (no index line): the reader cannot find the blob and says so, which fails closed.
    this.files++;
    this.onBinary?.({ file, sha: this.newSha || 'unknown-object', commit: this.commit });
  }

  private hunk(l: string): void {
    // "@@ -a,b +c,d @@" or, for a merge of N parents, N+1 "@" and N "-" ranges.
    let ats = 0;
    while (l.charCodeAt(ats) === 64) ats++;
    this.parents = ats - 1;
    const plus = l.indexOf(' +', ats);
    this.newLine = plus === -1 ? 0 : parseInt(l.slice(plus + 2), 10);
    this.inHunk = this.file !== null;
  }

  private messageLine(text: string, whole = true): void {
    if (this.file !== MESSAGE_FILE) {
      this.flush();
      this.file = MESSAGE_FILE;
    }
    this.added(text, whole);
  }

  /** One added line (or, `whole` false, a piece of a long one: the next piece has the same number). */
  private added(text: string, whole = true): void {
    this.lines.push(text);
    this.lineNumbers.push(whole ? this.newLine++ : this.newLine);
    if (this.at || this.offsets) (this.offsets ??= new Array<number>(this.lines.length - 1).fill(0)).push(this.at);
    if (whole) this.lineCount++;
    this.chars += text.length;
    if (this.chars > MAX_FRAGMENT_CHARS) this.flush();
  }

  private flush(): void {
    if (this.lines.length && this.file !== null) {
      const f: Fragment = { file: this.file, lines: this.lines, lineNumbers: this.lineNumbers, commit: this.commit };
      this.emit(this.offsets ? { ...f, columnOffsets: this.offsets } : f);
    }
    this.lines = [];
    this.lineNumbers = [];
    this.offsets = undefined;
    this.chars = 0;
  }
}
