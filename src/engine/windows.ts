/**
 * Long lines (minified bundles, data dumps) are not run through a pattern whole: a pattern is run on the
 * parts of the line near one of its rule's keywords, in pieces of bounded size, so a line of any length
 * costs time linear in its length whatever the pattern does on very long text.
 *
 * Every keyword occurrence marks the blocks within REACH of it. Each run of marked blocks is cut into
 * pieces that own at most CHUNK characters; a pattern runs on a piece's own range plus REACH characters
 * of context on each side, and only matches that START in the range it owns count. So every match that
 * starts within REACH of a keyword and is at most REACH long is found exactly once, with its true
 * surroundings (look-behinds, word boundaries), wherever the keywords fall and however many there are.
 */
import type { Fragment } from '../sources/fragment';

/** Lines up to this length are run through the patterns whole. */
export const MAX_LINE = 20000;
/** How far from a keyword a key may start, and the longest key found on a long line. */
export const REACH = 8192;
const BLOCK = 4096;
const CHUNK = 8 * BLOCK;

export interface Piece {
  /** The range [from, to) where a counted match starts. */
  from: number;
  to: number;
  /** The text the pattern is run on: [sliceFrom, sliceTo), which holds [from, to). */
  sliceFrom: number;
  sliceTo: number;
}

/**
 * The pieces of a long line to run a rule's pattern on. `lower` is the line in lower case (computed once
 * per line by the caller); `keywords` are the rule's keywords, in lower case.
 */
export function piecesNear(lower: string, keywords: string[]): Piece[] {
  const len = lower.length;
  const blocks = Math.ceil(len / BLOCK);
  const marked = new Uint8Array(blocks);
  for (const k of keywords) {
    if (!k) continue;
    for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) {
      const first = Math.max(0, Math.floor((i - REACH) / BLOCK));
      const last = Math.min(blocks - 1, Math.floor((i + k.length + REACH) / BLOCK));
      for (let b = first; b <= last; b++) marked[b] = 1;
    }
  }
  const out: Piece[] = [];
  for (let b = 0; b < blocks; b++) {
    if (!marked[b]) continue;
    let e = b;
    while (e + 1 < blocks && marked[e + 1]) e++;
    for (let from = b * BLOCK; from < Math.min(len, (e + 1) * BLOCK); from += CHUNK) {
      const to = Math.min(len, (e + 1) * BLOCK, from + CHUNK);
      out.push({ from, to, sliceFrom: Math.max(0, from - REACH), sliceTo: Math.min(len, to + REACH) });
    }
    b = e;
  }
  return out;
}

/** The whole line as one piece. */
export function wholeLine(len: number): Piece[] {
  return [{ from: 0, to: len, sliceFrom: 0, sliceTo: len }];
}

/** One match of a pattern, with its start in the whole line. */
export interface LineMatch {
  m: RegExpExecArray;
  start: number;
}

/**
 * Runs a global pattern over the pieces of a line, in order, as if over the whole line: each piece is
 * searched from where it owns (or from the end of the previous match, when that lies further on), with
 * its context around it for look-arounds; a match that starts past the piece is left to the next one,
 * and one that runs into the end of a cut slice is dropped (it may be a truncated longer match).
 */
export function* matchesIn(re: RegExp, line: string, pieces: Piece[]): Generator<LineMatch> {
  let resume = 0;
  for (const p of pieces) {
    const text = p.sliceFrom === 0 && p.sliceTo === line.length ? line : line.slice(p.sliceFrom, p.sliceTo);
    re.lastIndex = Math.max(p.from, resume) - p.sliceFrom;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = p.sliceFrom + m.index;
      if (start >= p.to) break;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const end = start + m[0].length;
      if (end >= p.sliceTo && p.sliceTo < line.length) continue;
      resume = end;
      yield { m, start };
    }
  }
}

/** The 1-based column of `at` in entry `idx` of `f`, counted from the start of the whole line (see Fragment.columnOffsets). */
export const columnOf = (f: Fragment, idx: number, at: number): number => (f.columnOffsets?.[idx] ?? 0) + at + 1;
