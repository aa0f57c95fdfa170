/**
 * The last guard before output: a key that is also part of a path (a file named after the key, a folder per
 * credential) would otherwise be printed whole wherever the path is shown. Every report goes through here
 * unless --no-redact; only keys that do appear in a shown path are searched for, so a normal report pays
 * nothing.
 */
import type { Finding } from '../engine/finding';
import { redact } from '../engine/redact';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function maskSecretsInPaths(text: string, findings: Finding[], inventory?: Map<string, string[]>): string {
  const prefixOf = new Map<string, string | undefined>();
  for (const f of findings) {
    const paths = [f.file, ...(inventory?.get(f.fingerprint) ?? [])];
    if (f.secret.length >= 8 && paths.some((p) => p.includes(f.secret))) prefixOf.set(f.secret, f.prefix);
  }
  if (!prefixOf.size) return text;
  // Longest first, so a key that contains another is masked whole.
  const keys = [...prefixOf.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(keys.map(escape).join('|'), 'g');
  return text.replace(re, (k) => redact(k, prefixOf.get(k)));
}
