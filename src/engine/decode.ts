/**
 * Encoded secrets: a key hidden in base64, hex or percent-encoding. The prefilter also looks for the
 * rule keywords' base64 (all three byte alignments) and hex forms, so ordinary lines cost nothing more;
 * a line that holds one (or a percent-escape) has its encoded runs decoded here, and the engine scans
 * the decoded text, reporting at the original place and saying how it was encoded.
 */
import type { Rule } from '../rules/types';

const BASE64_RUN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX_RUN = /(?:[0-9a-fA-F]{2}){16,}/g;
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
    const text = Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (text.length >= 16 && printable(text)) out.push({ text, at: m.index, encoding: 'base64' });
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
      } catch { /* not valid percent-encoding */ }
    }
  }
  return out;
}


/** The text a base64 run (standard or URL-safe alphabet) decodes to, when it is text (not binary). */
export function decodeBase64Text(run: string): string | undefined {
  const text = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  return text.length >= 16 && printable(text) ? text : undefined;
}
