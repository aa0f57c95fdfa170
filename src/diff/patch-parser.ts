/**
 * Incremental parser for `git diff -U0` and `git log -p -U0 --cc` output. Feed it chunks as they come;
 * it emits one Fragment per file per commit holding only the added lines, with their new line numbers.
 *
 * Lines of a combined diff (a merge, `--cc`) carry one column per parent; a line counts as added only
 * when it is new against every parent ("++"): that is what a conflict resolution wrote. Lines the merge
 * took from one side were scanned in the commit that wrote them.
 */
import { StringDecoder } from 'node:string_decoder';
import type { CommitInfo, Emit, Fragment } from '../sources/fragment';
import { pathFromHeader } from './unquote-path';

/** Marks the commit header lines we ask git log to print (see historyLogArgs). */
export const COMMIT_MARK = '\x01LG\x01';
/** A fragment is handed on once it holds this many characters, so memory stays flat on huge files. */
const MAX_FRAGMENT_CHARS = 4 * 1024 * 1024;

export class PatchParser {
  private decoder = new StringDecoder('utf8');
  /** The pieces of a line not yet ended: joined once at its end, so a huge line costs linear time. */
  private pending: string[] = [];
  private commit?: CommitInfo;
  private file: string | null = null;
  private inHunk = false;
  private parents = 1;
  private newLine = 0;
  private lines: string[] = [];
  private lineNumbers: number[] = [];
  private chars = 0;
  commits = 0;
  files = 0;
  lineCount = 0;

  constructor(private readonly emit: Emit, private readonly onCommit?: (c: CommitInfo) => void) {}

  feed(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      let l = text.slice(start, nl);
      if (this.pending.length) {
        this.pending.push(l);
        l = this.pending.join('');
        this.pending = [];
      }
      this.line(l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) this.pending.push(text.slice(start));
  }

  end(): void {
    const rest = this.pending.join('') + this.decoder.end();
    this.pending = [];
    if (rest) this.line(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    this.flush();
  }

  private line(l: string): void {
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
    if (c === 64 && l.startsWith('@@')) return this.hunk(l);
    if (l.startsWith('diff ')) {
      this.flush();
      this.file = null;
      this.parents = l.startsWith('diff --cc ') || l.startsWith('diff --combined ') ? 2 : 1;
      return;
    }
    if (l.startsWith('+++ ')) {
      this.file = pathFromHeader(l.slice(4));
      if (this.file !== null) this.files++;
      return;
    }
    if (l.startsWith(COMMIT_MARK)) {
      this.flush();
      this.file = null;
      const [sha, author, date] = l.slice(COMMIT_MARK.length).split('\x01');
      this.commit = { sha, author, date };
      this.commits++;
      this.onCommit?.(this.commit);
    }
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

  private added(text: string): void {
    this.lines.push(text);
    this.lineNumbers.push(this.newLine++);
    this.lineCount++;
    this.chars += text.length;
    if (this.chars > MAX_FRAGMENT_CHARS) this.flush();
  }

  private flush(): void {
    if (this.lines.length && this.file !== null) {
      const f: Fragment = { file: this.file, lines: this.lines, lineNumbers: this.lineNumbers, commit: this.commit };
      this.emit(f);
    }
    this.lines = [];
    this.lineNumbers = [];
    this.chars = 0;
  }
}
