/**
 * Names that leave with a commit or a push (file and folder paths, branch and tag names) are scanned like
 * lines. A key glued to a word by "-" or "_" ("release-sk_live_...") has no word boundary in front, so each
 * tail that starts after one of those is a line too (all at the same line number).
 */
const GLUE = /[-_]/g;

export function nameLines(name: string): string[] {
  const out = [name];
  for (const m of name.matchAll(GLUE)) {
    const tail = name.slice(m.index + 1);
    if (tail.length >= 8) out.push(tail);
  }
  return out;
}

/** The line number a finding in a path is reported at: 0, "in the file name", never a line of the file. */
export const NAME_LINE = 0;
