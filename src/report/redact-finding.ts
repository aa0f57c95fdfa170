import type { Finding } from '../engine/finding';
import { redact } from '../engine/redact';

export function shownSecret(f: Finding, redactIt: boolean): string {
  return redactIt ? redact(f.secret, f.prefix) : f.secret;
}
