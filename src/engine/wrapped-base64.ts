/**
 * Base64 wrapped across lines: `base64` and MIME write 76 columns a line, PEM-like blobs 64, and a
 * k8s Secret's data pasted from a terminal keeps the breaks. Decoding line by line cuts the text
 * at every break, so consecutive base64-only lines of a fragment (the first may carry a prefix such as
 * `key: ` or an opening quote) are joined into one run and decoded whole. One pass, linear in the
 * fragment; runs are bounded in size.
 */

/** The shortest base64 tail that starts a run on a line with other text before it. */
const MIN_HEAD = 16;
/** A run longer than this is cut (and a new one started), to bound the memory a run takes. */
const MAX_RUN = 1 << 20;

export interface WrappedRun {
  /** The joined base64 text. */
  text: string;
  /** Index (into the fragment's lines) of the run's first line, and the column its base64 starts at. */
  idx: number;
  at: number;
  /** Index of its last line. */
  last: number;
}

/** Character classes by code (ASCII): this runs on every added line, so no regex and no one-character strings. */
const B64 = 1;
const TRAILER = 2; // blanks, quotes, a comma or semicolon, a backslash: what may follow base64 at a line's end
const QUOTE_OR_BLANK = 4; // what may follow the base64 that ends a line after other text
const CLASS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') CLASS[c.charCodeAt(0)] |= B64;
for (const c of ' \t\r\n\v\f"\'`,;\\') CLASS[c.charCodeAt(0)] |= TRAILER;
for (const c of ' \t\r\n\v\f"\'`\\') CLASS[c.charCodeAt(0)] |= QUOTE_OR_BLANK;
/** Beyond ASCII only white space counts (as \s reads it), and only for the trailer classes. */
const is = (c: number, k: number): boolean => (c < 128 ? (CLASS[c] & k) !== 0 : k !== B64 && /\s/.test(String.fromCharCode(c)));
const isB64 = (c: number): boolean => is(c, B64);

/** The line without surrounding blanks and a closing quote or comma: base64 only, or undefined. */
function bareBase64(line: string): string | undefined {
  let from = 0;
  let to = line.length;
  while (from < to && (line.charCodeAt(from) === 32 || line.charCodeAt(from) === 9)) from++;
  while (to > from && is(line.charCodeAt(to - 1), TRAILER)) to--;
  let pad = 0;
  while (to - pad > from && line.charCodeAt(to - pad - 1) === 61 /* = */ && pad < 2) pad++;
  if (to - from < 4) return undefined;
  for (let i = from; i < to - pad; i++) if (!isB64(line.charCodeAt(i))) return undefined;
  return line.slice(from, to);
}

/** The base64 that ends a line (after an opening quote, `key: `...), when it is long enough to start a run. */
function base64Tail(line: string): { text: string; at: number } | undefined {
  let to = line.length;
  while (to > 0 && is(line.charCodeAt(to - 1), QUOTE_OR_BLANK)) to--;
  let from = to;
  while (from > 0 && line.charCodeAt(from - 1) === 61 /* = */ && to - from < 2) from--;
  if (from < to && line.charCodeAt(from) !== 61) return undefined;
  const padEnd = from;
  while (from > 0 && isB64(line.charCodeAt(from - 1))) from--;
  if (padEnd - from < MIN_HEAD) return undefined;
  return { text: line.slice(from, to), at: from };
}

/** The runs of two or more consecutive lines that hold one wrapped base64 text. */
export function wrappedBase64Runs(lines: string[], lineNumbers: number[]): WrappedRun[] {
  const out: WrappedRun[] = [];
  let run: WrappedRun | undefined;
  let count = 0;
  let closed = false;
  const flush = () => {
    if (run && count >= 2) out.push(run);
    run = undefined;
    count = 0;
    closed = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const bare = bareBase64(line);
    const follows = run && !closed && lineNumbers[i] === lineNumbers[i - 1] + 1 && run.text.length < MAX_RUN;
    if (bare !== undefined && follows) {
      run!.text += bare;
      run!.last = i;
      count++;
      // Padding ends the text: the next line starts another one.
      if (bare.endsWith('=')) closed = true;
      continue;
    }
    flush();
    if (bare !== undefined && !bare.endsWith('=')) {
      run = { text: bare, idx: i, last: i, at: line.indexOf(bare[0]) };
      count = 1;
      continue;
    }
    const tail = line.length <= 100000 ? base64Tail(line) : undefined;
    if (tail && !tail.text.endsWith('=')) {
      run = { text: tail.text, idx: i, last: i, at: tail.at };
      count = 1;
    }
  }
  flush();
  return out;
}
