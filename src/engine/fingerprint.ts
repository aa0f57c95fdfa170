/**
 * A finding's stable id: the rule, the file and the secret. It does not change when the line moves
 * or the file is re-scanned, so it can be written to .leakguardignore or the baseline.
 * node:crypto loads on the first finding: a clean commit never pays for it.
 */
let sha256: ((text: string) => string) | undefined;

export function fingerprint(ruleId: string, file: string, secret: string): string {
  sha256 ??= (text) => (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');
  return `${ruleId}:${sha256(`${ruleId}\0${file}\0${secret}`).slice(0, 16)}`;
}
