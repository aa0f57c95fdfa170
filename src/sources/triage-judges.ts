/**
 * The verdicts of a history audit's first pass (history-triage.ts), each "could a patch of this show
 * anything": for a blob read whole, a commit object, a path, a submodule line. They ask the Probe (the
 * rules, through the pipeline) and know nothing of git.
 */
import type { Probe } from './source';
import type { Fragment } from './fragment';
import { BlobScanner, classify } from './blob/blob-scanner';
import { isGzip, isZip } from './blob/archives';
import { FragmentSink } from './blob/fragment-sink';
import { MAX_PIECE, TextLines } from './blob/text-lines';
import { nameLines, NAME_LINE } from './name-lines';
import { scanCommitObject } from './commit-objects';
import { MESSAGE_FILE } from '../diff/patch-parser';

const SNIFF = 8000;
/** Longer lines may be read in pieces (text-lines.ts), which start where the reader's chunks fall. */
const LONG_LINE = MAX_PIECE / 2;

/**
 * A fragment holding pieces of a line too long to read whole: where the pieces start depends on the text
 * around them, which a patch does not have, and a check on the line (an "example" word) may fall in
 * another piece: the patch is read.
 */
function piecesOfLongLines(f: Fragment): boolean {
  // A line the blob reader got whole (its text came in one block) but a patch streams in pieces.
  if (f.columnOffsets || f.lines.some((l) => l.length > LONG_LINE)) return true;
  for (let i = 1; i < f.lineNumbers.length; i++) if (f.lineNumbers[i] === f.lineNumbers[i - 1]) return true;
  return false;
}

export interface CommitVerdict {
  /** Its message (as the patch pass shows it) holds something: the commit is read as a patch. */
  keep: boolean;
  /** What the commit-object pass of a full audit would report (header lines, a garbled message). */
  later: Fragment[];
}

/**
 * Whether the rules find anything in a small fragment (a name, a patch's lines), judged on its text first:
 * the engine is the slow part. A fragment with no lines still counts: a file-name rule (a .p12) may name it.
 */
export function smallFragmentFinds(probe: Probe, f: Fragment): boolean {
  if (!f.lines.length) return probe.finds(f);
  return probe.mayHold(Buffer.from(f.lines.join('\n'))) && probe.finds(f);
}

export class TriageJudges {
  /** Lines judged (for the scan's summary). */
  lines = 0;
  private readonly headers = new Map<string, boolean>();

  constructor(private readonly probe: Probe) {}

  /**
   * The blob reader for `path`, its fragments judged until one holds something. A patch adds some of the
   * blob's lines: nothing found in the whole is enough only when no part of it is read otherwise than the
   * whole (a wrapped run, a PEM block: Probe.readsAcrossLines).
   */
  blobScanner(path: string): { scanner: BlobScanner; hit: () => boolean } {
    let hit = false;
    const text = this.textJudge();
    const scanner: BlobScanner = new BlobScanner(path, undefined, (f) => {
      // What git shows as binary (NUL bytes) the patch pass reads whole too: the same fragments, the same findings.
      if (!hit) hit = scanner.kind === 'text' ? text(f) : this.probe.finds(f);
    });
    return { scanner, hit: () => hit };
  }

  /**
   * For text a patch shows line by line. More than one fragment: a structure or a context check may
   * straddle where the reader cut the blob, and the patch cuts elsewhere; the patch is read.
   */
  private textJudge(): (f: Fragment) => boolean {
    let fragments = 0;
    return (f) => ++fragments > 1 || this.partMayFind(f);
  }

  /** A whole blob: on its bytes first (no keyword, no escape, no wrapped base64: nothing to find), then read. */
  blob(path: string, buf: Buffer): boolean {
    const head = buf.subarray(0, SNIFF);
    const text = classify(head).kind === 'text' && !isZip(head) && !isGzip(head);
    if (text && !this.probe.mayHold(buf, this)) return false;
    const { scanner, hit } = this.blobScanner(path);
    scanner.push(buf);
    scanner.end();
    this.lines += scanner.lineCount;
    if (hit()) return true;
    // Not text to the blob reader (a byte-order mark, NUL bytes) but maybe text to git's diff (no NUL byte, or
    // a `diff` attribute): the patch would show its lines as UTF-8, so they are judged that way too.
    if (text || !this.probe.mayHold(buf)) return false;
    let asText = false;
    const judge = this.textJudge();
    const lines = new TextLines(new FragmentSink(path, undefined, (f) => (asText ||= judge(f))));
    lines.push(buf.toString('utf8'));
    lines.end();
    return asText;
  }

  commit(sha: string, body: Buffer): CommitVerdict {
    const later: Fragment[] = [];
    scanCommitObject(sha, body, (f) => {
      if (this.headerFinds(f)) later.push(f);
    });
    const split = body.indexOf('\n\n');
    const message = split === -1 ? Buffer.alloc(0) : body.subarray(split + 2);
    const encoding = /^encoding (.*)$/m.exec(body.subarray(0, split === -1 ? body.length : split).toString('latin1'))?.[1];
    // A message git re-encodes or cuts: the patch pass shows it as git does.
    if (message.includes(0) || (encoding && !/^utf-?8$/i.test(encoding.trim()))) return { keep: true, later };
    if (!this.probe.mayHold(message)) return { keep: false, later };
    const text = message.toString('utf8').split('\n');
    // A line long enough to be read in pieces: the pieces fall elsewhere in the patch's text.
    if (message.length > LONG_LINE && text.some((l) => l.length > LONG_LINE)) return { keep: true, later };
    const lines = text.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    return { keep: this.probe.finds({ file: MESSAGE_FILE, lines, lineNumbers: lines.map((_, i) => i + 1) }), later };
  }

  /** A path: a file-name rule (a .p12 key store), and the name itself when the commit adds it. */
  path(path: string, added: boolean): boolean {
    if (this.probe.fileNamed(path)) return true;
    if (!added) return false;
    const names = nameLines(path);
    return this.smallFinds({ file: path, lines: names, lineNumbers: names.map(() => NAME_LINE) });
  }

  /** A submodule: its patch line is "Subproject commit <id>". */
  gitlink(path: string, oid: string): boolean {
    return this.smallFinds({ file: path, lines: [`Subproject commit ${oid}`], lineNumbers: [1] });
  }

  private partMayFind(f: Fragment): boolean {
    return piecesOfLongLines(f) || this.probe.finds(f) || this.probe.readsAcrossLines(f);
  }

  private smallFinds(f: Fragment): boolean {
    return smallFragmentFinds(this.probe, f);
  }

  /** Header lines (names and e-mails, dates taken off) repeat from commit to commit: judged once each. */
  private headerFinds(f: Fragment): boolean {
    const key = `${f.file}\0${f.lines.join('\n')}`;
    let hit = this.headers.get(key);
    if (hit === undefined) {
      if (this.headers.size >= 4096) this.headers.clear();
      this.headers.set(key, (hit = this.smallFinds(f)));
    }
    return hit;
  }
}
