/**
 * Whether the bytes of a text could give the engine anything to report, decided on the bytes themselves
 * (no decoding, no line strings): the check a history audit runs on every blob before it reads any in
 * full (sources/history-triage.ts). It may say yes where nothing is found (that only costs a full scan);
 * it must never say no where the engine would find something. Each test stands for one way the engine
 * reaches a secret:
 *  - a keyword, or the base64 or hex form of one, anywhere (every rule starts from a keyword line);
 *  - a percent-escape or a character escape (the lines decode.ts writes out);
 *  - base64 wrapped over two lines, or kept in one string with `\n` escapes (joined-scan.ts);
 *  - a quoted-printable soft line break;
 *  - a line so long that it is scanned in pieces (a piece starts mid-line).
 * Names (file-name rules, a new path) and what is not plain text (UTF-16, binary, archives) are the
 * caller's to judge.
 */
import type { KeywordAutomaton } from './keyword-automaton';

/** Longer lines are read in overlapping pieces (sources/blob/text-lines.ts): judged in full, always. */
const LONG_LINE = 256 * 1024;
/** wrapped-base64.ts: the base64 that ends a line must be this long to start a run. */
const MIN_HEAD = 16;

const B64 = 1;
const EQ_TOO = 2; // base64 or "=" (the text before an escaped line break)
const TRAILER = 4; // what may follow base64 at a line's end
const QUOTE_OR_BLANK = 8;
const HEX = 16;
const HEX_UPPER = 32;
const CLASS = new Uint8Array(256);
const mark = (chars: string, k: number) => {
  for (const c of chars) CLASS[c.charCodeAt(0)] |= k;
};
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', B64 | EQ_TOO);
mark('=', EQ_TOO);
mark(' \t\r\n\v\f"\'`,;\\', TRAILER);
mark(' \t\r\n\v\f"\'`\\', QUOTE_OR_BLANK);
mark('0123456789abcdefABCDEF', HEX);
mark('0123456789ABCDEF', HEX_UPPER);
// Any byte of a non-ASCII character may be part of a blank (U+00A0, U+3000...): counted as one, which
// only ever makes a line look more like base64 than it is.
for (let b = 128; b < 256; b++) CLASS[b] |= TRAILER | QUOTE_OR_BLANK;

const is = (b: number | undefined, k: number): boolean => b !== undefined && (CLASS[b] & k) !== 0;

/** `counted.lines` grows by the text's line count when the answer is no (a yes is read line by line anyway). */
export function bytesMayHold(buf: Buffer, automaton: KeywordAutomaton, counted?: { lines: number }): boolean {
  return automaton.testBytes(buf) || hasEscape(buf) || hasLineShape(buf, counted);
}

/** %XX, \uXXXX, \u{XX}, \xXX, &#N, or base64 running into an escaped line break. */
function hasEscape(buf: Buffer): boolean {
  for (let i = buf.indexOf(37); i !== -1; i = buf.indexOf(37, i + 1)) if (is(buf[i + 1], HEX) && is(buf[i + 2], HEX)) return true;
  for (let i = buf.indexOf('&#'); i !== -1; i = buf.indexOf('&#', i + 1)) {
    const c = buf[i + 2] === 120 || buf[i + 2] === 88 ? buf[i + 3] : buf[i + 2];
    if (c !== undefined && c >= 48 && c <= 57) return true;
  }
  for (let i = buf.indexOf(92); i !== -1; i = buf.indexOf(92, i + 1)) {
    const c = buf[i + 1];
    if (c === 120 /* \x */ && printable(buf, i + 2)) return true;
    if (
      c === 117 /* \u */ &&
      ((buf[i + 2] === 48 && buf[i + 3] === 48 && printable(buf, i + 4)) || (buf[i + 2] === 123 && printable(buf, i + 3)))
    )
      return true;
    if ((c === 110 /* \n */ || c === 114) /* \r */ && i >= 16 && b64Before(buf, i, 16)) return true;
  }
  return false;
}

/** Two hex digits from `at` naming a printable ASCII character (decode.ts: 0x20 to 0x7f). */
function printable(buf: Buffer, at: number): boolean {
  const d = buf[at];
  return d !== undefined && d >= 50 && d <= 55 && is(buf[at + 1], HEX);
}

function b64Before(buf: Buffer, end: number, n: number): boolean {
  for (let j = end - n; j < end; j++) if (!is(buf[j], EQ_TOO)) return false;
  return true;
}

/** Line by line: two lines that could make a wrapped base64 run, a soft line break, a very long line. */
function hasLineShape(buf: Buffer, counted?: { lines: number }): boolean {
  let qpEscape: boolean | undefined;
  let prevStarts = false;
  let lines = 0;
  const n = buf.length;
  for (let s = 0; s < n;) {
    // A loop over bytes, not Buffer.indexOf: one native call per line costs more than the line.
    let nl = s;
    while (nl < n && buf[nl] !== 10) nl++;
    lines++;
    const last = nl === n;
    const e = nl > s && buf[nl - 1] === 13 ? nl - 1 : nl;
    if (e - s > LONG_LINE) return true;
    if (!last && e > s && buf[e - 1] === 61 /* = */ && (e - s >= 70 || (qpEscape ??= hasQpEscape(buf)))) return true;
    const bare = isBare(buf, s, e);
    if (bare && prevStarts) return true;
    prevStarts = bare || tailLength(buf, s, e) >= MIN_HEAD;
    s = nl + 1;
  }
  if (counted) counted.lines += lines;
  return false;
}

/** quoted-printable.ts: "=" and two upper-case hex digits. */
function hasQpEscape(buf: Buffer): boolean {
  for (let i = buf.indexOf(61); i !== -1; i = buf.indexOf(61, i + 1))
    if (is(buf[i + 1], HEX_UPPER) && is(buf[i + 2], HEX_UPPER)) return true;
  return false;
}

/** At least four base64 characters, with only blanks before them and only trailers and padding after. */
function isBare(buf: Buffer, s: number, e: number): boolean {
  let from = s;
  while (from < e && (buf[from] === 32 || buf[from] === 9)) from++;
  let to = e;
  while (to > from && is(buf[to - 1], TRAILER)) to--;
  if (to - from < 4) return false;
  let pad = 0;
  while (pad < 2 && to - pad > from && buf[to - pad - 1] === 61) pad++;
  for (let i = from; i < to - pad; i++) if (!is(buf[i], B64)) return false;
  return true;
}

/** How many base64 characters end the line, before padding, quotes and blanks. */
function tailLength(buf: Buffer, s: number, e: number): number {
  let to = e;
  while (to > s && is(buf[to - 1], QUOTE_OR_BLANK)) to--;
  let pad = 0;
  while (pad < 2 && to > s && buf[to - 1] === 61) {
    to--;
    pad++;
  }
  let from = to;
  while (from > s && is(buf[from - 1], B64)) from--;
  return to - from;
}
