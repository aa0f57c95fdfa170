/**
 * Adding and removing leakguard's lines in a husky hook file, so that `uninstall` gives back the file
 * byte for byte. The begin marker records whether a newline had to be added before the block.
 */
const BEGIN = '# >>> leakguard (added by `leakguard install`; `leakguard uninstall` removes it)';
const BEGIN_NL = '# >>> leakguard (added by `leakguard install` after a newline; `leakguard uninstall` removes both)';
const END = '# <<< leakguard';

export function hasBlock(text: string): boolean {
  return text.includes(BEGIN) || text.includes(BEGIN_NL);
}

export function addBlock(text: string, body: string): string {
  const needsNl = text.length > 0 && !text.endsWith('\n');
  return `${text}${needsNl ? '\n' : ''}${needsNl ? BEGIN_NL : BEGIN}\n${body.trimEnd()}\n${END}\n`;
}

export function removeBlock(text: string): string {
  for (const [marker, nl] of [[BEGIN_NL, '\n'], [BEGIN, '']] as const) {
    const start = text.indexOf(marker);
    if (start === -1) continue;
    const endAt = text.indexOf(END, start);
    if (endAt === -1) return text;
    let end = endAt + END.length;
    if (text[end] === '\n') end++;
    const before = text.slice(0, start);
    return (nl && before.endsWith('\n') ? before.slice(0, -1) : before) + text.slice(end);
  }
  return text;
}
