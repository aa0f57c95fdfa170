/**
 * git writes a path with unusual characters as a C-style quoted string ("b/new\nline.txt", octal
 * escapes for bytes); a path with a space gets a trailing tab in the ---/+++ lines. This undoes both.
 */
const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, '"': 34 };

export function unquotePath(raw: string): string {
  let s = raw.endsWith('\t') ? raw.slice(0, -1) : raw;
  if (!(s.startsWith('"') && s.endsWith('"') && s.length >= 2)) return s;
  s = s.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
      continue;
    }
    const n = s[++i];
    if (n >= '0' && n <= '7') {
      bytes.push(parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(ESCAPES[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** "+++ b/path" (or its quoted form) -> "path"; "/dev/null" -> null. */
export function pathFromHeader(rest: string): string | null {
  const p = unquotePath(rest);
  if (p === '/dev/null') return null;
  return p.startsWith('b/') || p.startsWith('a/') ? p.slice(2) : p;
}
