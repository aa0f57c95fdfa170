/** `leakguard:allow` in a comment on the same line allows that line, in any comment syntax. */
export const INLINE_MARKER = 'leakguard:allow';

export function allowedInline(lineText: string): boolean {
  return lineText.includes(INLINE_MARKER);
}
