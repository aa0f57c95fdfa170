/**
 * Encoded secrets: a key hidden in base64, hex or percent-encoding. Candidate runs are found with one
 * cheap regex per fragment; each is decoded, and the decoded text goes through the same engine. A
 * finding keeps the original file, line and column and says how it was encoded. Two levels deep at most.
 */
import type { Fragment } from '../sources/fragment';
import type { Finding } from './finding';
import type { Engine } from './scan';
import { fingerprint } from './fingerprint';

const BASE64 = /[A-Za-z0-9+/_-]{32,}={0,2}/g;
const HEX = /\b(?:[0-9a-fA-F]{2}){32,}\b/g;
const PERCENT = /(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9._~:@!$&'()*+,;=/?-]){16,}/g;
const MAX_DEPTH = 2;

function printable(s: string): boolean {
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c > 126) bad++;
  }
  return bad <= s.length * 0.05;
}

function decodeCandidates(line: string): Array<{ text: string; at: number; encoding: string }> {
  const out: Array<{ text: string; at: number; encoding: string }> = [];
  BASE64.lastIndex = 0;
  for (let m; (m = BASE64.exec(line));) {
    const s = m[0].replace(/-/g, '+').replace(/_/g, '/');
    const text = Buffer.from(s, 'base64').toString('latin1');
    if (text.length >= 20 && printable(text)) out.push({ text, at: m.index, encoding: 'base64' });
  }
  HEX.lastIndex = 0;
  for (let m; (m = HEX.exec(line));) {
    const text = Buffer.from(m[0], 'hex').toString('latin1');
    if (printable(text)) out.push({ text, at: m.index, encoding: 'hex' });
  }
  if (line.includes('%')) {
    PERCENT.lastIndex = 0;
    for (let m; (m = PERCENT.exec(line));) {
      if (!/%[0-9A-Fa-f]{2}/.test(m[0])) continue;
      try {
        out.push({ text: decodeURIComponent(m[0]), at: m.index, encoding: 'percent' });
      } catch { /* not valid percent-encoding */ }
    }
  }
  return out;
}

const ANY = /[A-Za-z0-9+/_-]{32,}|%[0-9A-Fa-f]{2}/;

export function scanDecoded(engine: Engine, f: Fragment, onFinding: (x: Finding) => void, depth = 1, label = ''): void {
  // One test over the whole fragment decides most of them: ordinary code has no long encoded runs.
  if (!ANY.test(f.lines.length === 1 ? f.lines[0] : f.lines.join('\n'))) return;
  for (let i = 0; i < f.lines.length; i++) {
    const line = f.lines[i];
    if (line.length < 16) continue;
    for (const c of decodeCandidates(line)) {
      const encoding = label ? `${label}+${c.encoding}` : c.encoding;
      const inner: Fragment = { file: f.file, lines: [c.text], lineNumbers: [f.lineNumbers[i]], commit: f.commit };
      const report = (x: Finding) => onFinding({
        ...x,
        column: c.at + 1,
        lineText: line,
        encoding,
        fingerprint: fingerprint(x.ruleId, x.file, x.secret),
      });
      engine.scan(inner, report);
      if (depth < MAX_DEPTH) scanDecoded(engine, inner, report, depth + 1, encoding);
    }
  }
}
