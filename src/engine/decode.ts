/**
 * Encoded secrets: a key hidden in base64, hex or percent-encoding. The prefilter also looks for the
 * rule keywords' base64 (all three byte alignments) and hex forms, so ordinary lines cost nothing more;
 * a line that holds one (or a percent-escape) has its encoded runs decoded here, and the engine scans
 * the decoded text, reporting at the original place and saying how it was encoded.
 */
import type { Rule } from '../rules/types';

const BASE64_RUN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX_RUN = /(?:[0-9a-fA-F]{2}){16,}/g;
/** How every base64 of gzip data begins (1f 8b 08). */
const GZIP_BASE64 = 'H4sI';
/** The most a gzip run may inflate to. */
const MAX_INFLATED = 1 << 20;
/** A character written as a code: \u0073, \u{73}, \x73, &#115; or &#x73;. */
const CHAR_ESCAPE = /\\u([0-9a-fA-F]{4})|\\u\{([0-9a-fA-F]{1,6})\}|\\x([0-9a-fA-F]{2})|&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?/g;
export const HAS_CHAR_ESCAPE = /\\u00[2-7][0-9a-fA-F]|\\u\{[2-7][0-9a-fA-F]\}|\\x[2-7][0-9a-fA-F]|&#[xX]?[0-9]/;
const NAMED_ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The line with its character escapes and HTML entities written out, or undefined when it has none. */
export function unescapeChars(line: string): string | undefined {
  if (!HAS_CHAR_ESCAPE.test(line)) return undefined;
  return line
    .replace(CHAR_ESCAPE, (_w, u4, ub, x2, hx, dec) => {
      const cp = parseInt(u4 ?? ub ?? x2 ?? hx ?? dec, (u4 ?? ub ?? x2 ?? hx) ? 16 : 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : _w;
    })
    .replace(/&(amp|lt|gt|quot|apos);/g, (_w, n: string) => NAMED_ENTITY[n]);
}

/** Base64-decoded bytes as text: inflated first when they are gzip data; undefined when binary. */
function bytesAsText(b: Buffer): string | undefined {
  if (b[0] === 0x1f && b[1] === 0x8b) {
    try {
      // Loaded on first use: a clean commit has no gzip data.

      b = (require('node:zlib') as typeof import('node:zlib')).gunzipSync(b, { maxOutputLength: MAX_INFLATED });
    } catch {
      return undefined; /* cut short or too big */
    }
  }
  const text = b.toString('latin1');
  return text.length >= 16 && printable(text) ? text : undefined;
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9._~:@!$&'()*+,;=/?-]){16,}/g;

/** The parts of base64(x + keyword + y) that do not depend on x and y, for each alignment. */
export function base64Forms(keyword: string): string[] {
  const kw = Buffer.from(keyword, 'latin1');
  const out: string[] = [];
  for (let a = 0; a < 3; a++) {
    const b64 = Buffer.concat([Buffer.alloc(a), kw]).toString('base64');
    const from = Math.ceil((8 * a) / 6);
    const to = Math.floor((8 * (a + kw.length)) / 6);
    const s = b64.slice(from, to);
    if (s.length >= 5) out.push(s, s.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

export function encodedForms(rules: Rule[]): string[] {
  const words = new Set<string>();
  for (const r of rules) for (const k of r.keywords) for (const v of [k, k.toLowerCase()]) words.add(v);
  const forms = new Set<string>();
  for (const w of words) {
    for (const f of base64Forms(w)) forms.add(f);
    const hex = Buffer.from(w, 'latin1').toString('hex');
    forms.add(hex);
    forms.add(hex.toUpperCase());
  }
  forms.add(GZIP_BASE64);
  return [...forms].sort((a, b) => b.length - a.length);
}

function printable(s: string): boolean {
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c > 126) bad++;
  }
  return bad <= s.length * 0.05;
}

export function decodeCandidates(line: string): Array<{ text: string; at: number; encoding: string }> {
  const out: Array<{ text: string; at: number; encoding: string }> = [];
  BASE64_RUN.lastIndex = 0;
  for (let m; (m = BASE64_RUN.exec(line));) {
    const bytes = Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const text = bytesAsText(bytes);
    if (text !== undefined) out.push({ text, at: m.index, encoding: bytes[0] === 0x1f ? 'gzip+base64' : 'base64' });
  }
  HEX_RUN.lastIndex = 0;
  for (let m; (m = HEX_RUN.exec(line));) {
    const text = Buffer.from(m[0], 'hex').toString('latin1');
    if (printable(text)) out.push({ text, at: m.index, encoding: 'hex' });
  }
  if (line.includes('%')) {
    PERCENT_RUN.lastIndex = 0;
    for (let m; (m = PERCENT_RUN.exec(line));) {
      if (!/%[0-9A-Fa-f]{2}/.test(m[0])) continue;
      try {
        out.push({ text: decodeURIComponent(m[0]), at: m.index, encoding: 'percent' });
      } catch {
        /* not valid percent-encoding */
      }
    }
  }
  const plain = unescapeChars(line);
  if (plain !== undefined) out.push({ text: plain, at: Math.max(0, line.search(HAS_CHAR_ESCAPE)), encoding: 'escapes' });
  return out;
}

/** The text a base64 run (standard or URL-safe alphabet) decodes to, when it is text (not binary). */
export function decodeBase64Text(run: string): string | undefined {
  return bytesAsText(Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}
