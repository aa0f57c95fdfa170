/** A secret as it may be printed: its known prefix (or first 4 characters) and its last 4. */
export function redact(secret: string, prefix?: string): string {
  const head = prefix && secret.startsWith(prefix) ? prefix : secret.slice(0, Math.min(4, Math.floor(secret.length / 4)));
  const tail = secret.length >= 16 ? secret.slice(-4) : '';
  return `${head}\u2026${tail}`;
}
