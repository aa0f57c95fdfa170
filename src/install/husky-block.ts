/**
 * Adding and removing leakguard's lines in a hook file, so that `uninstall` gives back the user's lines
 * byte for byte (their later edits included). The block goes where it runs: at the end of the hook, or,
 * when the hook can stop early (`exit`, `exec`) or change how it ends (`trap`, `set +e`), before its first
 * command, so nothing of the user's runs before it. The begin marker records whether a newline had to be
 * added before the block.
 */
const BEGIN = '# >>> leakguard (added by `leakguard install`; `leakguard uninstall` removes it)';
const BEGIN_NL = '# >>> leakguard (added by `leakguard install` after a newline; `leakguard uninstall` removes both)';
const END = '# <<< leakguard';

/** A command that ends the script before the lines after it run, or rewrites how it ends (an EXIT trap can turn exit 1 into 0). */
const STOPS = /(^|[\s;&|(){}])(exit|exec|return|trap|set\s+\+e)(?=$|[\s;&|()])/;
/** Lines that only set the hook up: shebang, comments, blank lines, husky 4-8's `. "…/husky.sh"`. */
const HEADER = /^\s*(#.*|\.\s+["']?\$\(dirname[^\n]*husky\.sh["']?)?\s*$/;

export function hasBlock(text: string): boolean {
  return text.includes(BEGIN) || text.includes(BEGIN_NL);
}

const stops = (line: string) => !/^\s*#/.test(line) && STOPS.test(line.replace(/(["'])(?:(?!\1).)*\1/g, '""'));

export function addBlock(text: string, body: string): string {
  const block = `${BEGIN}\n${body.trimEnd()}\n${END}\n`;
  const lines = text.split('\n');
  if (lines.some(stops)) {
    let at = 0;
    while (at < lines.length && HEADER.test(lines[at])) at++;
    const before = lines.slice(0, at).join('\n');
    return `${before}${at ? '\n' : ''}${block}${lines.slice(at).join('\n')}`;
  }
  const needsNl = text.length > 0 && !text.endsWith('\n');
  return `${text}${needsNl ? '\n' : ''}${needsNl ? BEGIN_NL : BEGIN}\n${body.trimEnd()}\n${END}\n`;
}

/** The text without leakguard's block; null when the block's end marker was removed (then nothing is touched). */
export function removeBlock(text: string): string | null {
  for (const [marker, nl] of [
    [BEGIN_NL, '\n'],
    [BEGIN, ''],
  ] as const) {
    const start = text.indexOf(marker);
    if (start === -1) continue;
    const endAt = text.indexOf(END, start);
    if (endAt === -1) return null;
    let end = endAt + END.length;
    if (text[end] === '\n') end++;
    const before = text.slice(0, start);
    return (nl && before.endsWith('\n') ? before.slice(0, -1) : before) + text.slice(end);
  }
  return text;
}

/** The block body as installed (for "already installed" and refresh). */
export function blockBody(text: string): string | null {
  const start = [BEGIN, BEGIN_NL].map((m) => text.indexOf(m)).find((i) => i !== -1);
  if (start === undefined) return null;
  const from = text.indexOf('\n', start) + 1;
  const endAt = text.indexOf(END, from);
  return endAt === -1 ? null : text.slice(from, endAt).trimEnd();
}

/** Why leakguard's block would not run in this hook (a line before it can end the script), or null. */
export function whyBlockWontRun(text: string): string | null {
  const start = [BEGIN, BEGIN_NL].map((m) => text.indexOf(m)).find((i) => i !== -1);
  if (start === undefined) return "leakguard's lines are not in it";
  const early = text.slice(0, start).split('\n').find(stops);
  return early ? `the line "${early.trim().slice(0, 60)}" before leakguard's lines can end the hook or change its exit status` : null;
}
