/**
 * Quoted-printable (mail, .eml, MIME parts): lines end in `=` where the encoder broke them (76 columns
 * at most) and `=` itself is written `=3D`, so a key can be cut by a soft break. Consecutive lines joined
 * at their soft breaks are decoded as one text. Only runs that look like quoted-printable (an `=XX`
 * escape, or lines as long as an encoder writes them) are built.
 */

/** A run longer than this many lines is cut. */
const MAX_LINES = 2000;
const QP_ESCAPE = /=[0-9A-F]{2}/;

export interface QpRun {
  text: string;
  idx: number;
  last: number;
  at: number;
}

/** The runs of lines joined at soft line breaks, decoded. */
export function quotedPrintableRuns(lines: string[], lineNumbers: number[]): QpRun[] {
  const out: QpRun[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].endsWith('=') || lines[i].length > 1000) continue;
    let last = i;
    let looks = QP_ESCAPE.test(lines[i]) || lines[i].length >= 70;
    let raw = lines[i].slice(0, -1);
    while (
      last + 1 < lines.length &&
      last - i < MAX_LINES &&
      lineNumbers[last + 1] === lineNumbers[last] + 1 &&
      lines[last + 1].length <= 1000
    ) {
      const next = lines[++last];
      looks ||= QP_ESCAPE.test(next);
      if (!next.endsWith('=')) {
        raw += next;
        break;
      }
      raw += next.slice(0, -1);
    }
    if (looks && last > i)
      out.push({ text: raw.replace(/=([0-9A-F]{2})/g, (_w, h: string) => String.fromCharCode(parseInt(h, 16))), idx: i, last, at: 0 });
    i = last;
  }
  return out;
}
