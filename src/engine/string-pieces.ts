/**
 * A key written as quoted pieces: a PEM block as one string per line ("-----BEGIN ...\n" + "MIIE..." in
 * JS/Java, adjacent literals in Python, one element per line of an array) or a token cut in two with +.
 * The literals of consecutive lines made only of string pieces (and +, commas, brackets between them)
 * are joined into one text, escapes kept, which the engine scans again. Only runs around lines that
 * hold a rule keyword are built, so code without keywords costs nothing here.
 */

/** Lines longer than this are not pieces of a hand-written string. */
const MAX_PIECE_LINE = 4096;
/** How far a run reaches from the keyword line, up and down. */
const MAX_REACH = 200;
/** What may stand between or after the literals of a piece line. */
const JOINER = /^[\s+,;()[\]{}\\]*$/;
/** What may stand before the first literal of a line inside a run (not the first line). */
const LEADER = /^[\s+,([{]*$/;

interface Literals {
  parts: string[];
  lead: string;
}

/** The string literals of one line and the text before the first one; undefined when the line is not made of literals. */
export function literalsOf(line: string): Literals | undefined {
  if (line.length > MAX_PIECE_LINE) return undefined;
  const parts: string[] = [];
  let lead = '';
  let gapFrom = 0;
  let i = 0;
  while (i < line.length) {
    const q = line[i];
    if (q !== '"' && q !== "'" && q !== '`') {
      i++;
      continue;
    }
    const gap = line.slice(gapFrom, i);
    if (parts.length === 0) lead = gap;
    else if (!JOINER.test(gap)) return undefined;
    let j = i + 1;
    while (j < line.length && line[j] !== q) j += line[j] === '\\' ? 2 : 1;
    if (j >= line.length) return undefined;
    parts.push(line.slice(i + 1, j));
    i = gapFrom = j + 1;
  }
  if (parts.length === 0 || !JOINER.test(line.slice(gapFrom))) return undefined;
  return { parts, lead };
}

export interface JoinedRun {
  text: string;
  idx: number;
  last: number;
  pieces: number;
}

/** The joined text of the run of piece lines around line `k` (with `seen` marking lines already used). */
function runAround(lines: string[], lineNumbers: number[], k: number, seen: Uint8Array): JoinedRun | undefined {
  const lits: Array<Literals | undefined> = [];
  const at = (i: number) => (lits[i - k + MAX_REACH] ??= literalsOf(lines[i]));
  if (!at(k)) return undefined;
  let first = k;
  while (
    first > 0 &&
    k - first < MAX_REACH &&
    lineNumbers[first - 1] === lineNumbers[first] - 1 &&
    LEADER.test(at(first)?.lead ?? 'x') &&
    at(first - 1)
  )
    first--;
  let last = k;
  while (
    last + 1 < lines.length &&
    last - k < MAX_REACH &&
    lineNumbers[last + 1] === lineNumbers[last] + 1 &&
    LEADER.test(at(last + 1)?.lead ?? 'x')
  )
    last++;
  let text = '';
  let pieces = 0;
  for (let i = first; i <= last; i++) {
    seen[i] = 1;
    for (const p of at(i)!.parts) {
      text += p;
      pieces++;
    }
  }
  return pieces >= 2 ? { text, idx: first, last, pieces } : undefined;
}

/** The joined runs of string pieces around the given keyword lines (each line used once). */
export function joinedStringRuns(lines: string[], lineNumbers: number[], keywordLines: Iterable<number>): JoinedRun[] {
  const seen = new Uint8Array(lines.length);
  const out: JoinedRun[] = [];
  for (const k of keywordLines) {
    if (seen[k] || lines[k].length > MAX_PIECE_LINE || !/["'`]/.test(lines[k])) continue;
    const r = runAround(lines, lineNumbers, k, seen);
    if (r) out.push(r);
  }
  return out;
}
