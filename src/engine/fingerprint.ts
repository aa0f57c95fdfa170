import { createHash } from 'node:crypto';

/**
 * A finding's stable id: the rule, the file and the secret. It does not change when the line moves
 * or the file is re-scanned, so it can be written to .leakguardignore or the baseline.
 */
export function fingerprint(ruleId: string, file: string, secret: string): string {
  return `${ruleId}:${createHash('sha256').update(`${ruleId}\0${file}\0${secret}`).digest('hex').slice(0, 16)}`;
}
