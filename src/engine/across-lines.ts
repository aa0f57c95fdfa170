/**
 * Whether a fragment holds something the engine reads across lines, where some of its lines alone could be
 * read otherwise than the whole: a PEM header (the block below it is judged as a whole, and a body without
 * its header is judged by another rule), base64 wrapped over lines, string pieces joined around a keyword,
 * quoted-printable soft line breaks. Everything else the engine does is line by line or only gains from
 * more lines around (a keyword nearby, the line that must follow).
 *
 * A history audit's first pass reads each blob whole, but a patch adds only some of its lines: a blob
 * with nothing found in it whole still needs its patch read when this is true (sources/history-triage.ts).
 */
import type { Fragment } from '../sources/fragment';
import { wrappedBase64Runs } from './wrapped-base64';
import { joinedStringRuns } from './string-pieces';
import { MIN_RUN } from './joined-scan';

const QP_ESCAPE = /=[0-9A-F]{2}/;

export function readsAcrossLines(f: Fragment, keywordLines: Iterable<number>): boolean {
  const { lines, lineNumbers } = f;
  if (lines.some((l) => l.includes('-----BEGIN'))) return true;
  if (wrappedBase64Runs(lines, lineNumbers).some((r) => r.text.length >= MIN_RUN)) return true;
  if (joinedStringRuns(lines, lineNumbers, keywordLines).length) return true;
  return softBreaks(f);
}

/** A line ending in "=" with another after it, long enough or in a text with an escape: a run may start there. */
function softBreaks({ lines, lineNumbers }: Fragment): boolean {
  let escapes: boolean | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i];
    if (!l.endsWith('=') || lineNumbers[i + 1] !== lineNumbers[i] + 1) continue;
    if (l.length >= 70 || (escapes ??= lines.some((x) => QP_ESCAPE.test(x)))) return true;
  }
  return false;
}
