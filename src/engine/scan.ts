/**
 * The rule engine: fragments in, findings out. Pure: it knows nothing of git or files.
 * Keyword prefilter, then the patterns of the rules whose keywords are on the line, then validators
 * (entropy, placeholders, checksums). When two rules match the same text, the earlier rule wins.
 */
import type { Rule } from '../rules/types';
import type { Fragment } from '../sources/fragment';
import type { Finding } from './finding';
import { buildPrefilter, type Prefilter, type PrefilterWords } from './prefilter';
import { shannonEntropy } from './entropy';
import { isPlaceholder, lineSaysExample } from './placeholders';
import { CHECKSUMS } from './checksums';
import { CHECKS, type CheckContext } from './checks';
import { isFixturePath } from './fixture-paths';
import { fingerprint } from './fingerprint';
import { decodeCandidates } from './decode';
import { isNoiseFile } from '../noise-files';

/** How many encodings deep a secret is looked for (base64 of base64, say). */
const MAX_DEPTH = 2;

/** Lines longer than this are minified or data; only the part around a keyword is examined. */
const MAX_LINE = 20000;
const WINDOW = 2000;

interface Compiled { rule: Rule; re: RegExp; next: RegExp | null; stop: Set<string> | null }


export class Engine {
  private compiled: Compiled[];
  private prefilter: Prefilter;

  constructor(readonly rules: Rule[], prebuilt?: PrefilterWords) {
    this.compiled = rules.map((rule) => ({
      rule,
      re: new RegExp(rule.pattern, 'g' + (rule.flags ?? '')),
      next: rule.followedBy ? new RegExp(rule.followedBy) : null,
      stop: rule.stopwords ? new Set(rule.stopwords.map((w) => w.toLowerCase())) : null,
    }));
    this.prefilter = buildPrefilter(rules, prebuilt);
  }

  /** Accepts or rejects one candidate secret for a rule. Exposed for tests. */
  accepts(rule: Rule, secret: string, line: string, at?: CheckContext): boolean {
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
    if (rule.notHex && /^[0-9a-f]+$/.test(secret)) return false;
    const body = rule.prefix && secret.startsWith(rule.prefix) ? secret.slice(rule.prefix.length) : secret;
    if (isPlaceholder(body, rule.structured)) return false;
    if (rule.checksum && !CHECKSUMS[rule.checksum](secret)) return false;
    if (rule.generic && lineSaysExample(line)) return false;
    if (rule.check && !CHECKS[rule.check](secret, at ?? { lines: [line], lineNumbers: [1], idx: 0, file: '' })) return false;
    return true;
  }

  scan(f: Fragment, onFinding: (x: Finding) => void, depth = 0, encoding = ''): void {
    const { rules: cands, encoded } = this.prefilter.candidates(f.lines);
    const genericOk = !isNoiseFile(f.file);
    for (const [idx, ruleIdxs] of cands) {
      const lineText = f.lines[idx];
      const taken: Array<[number, number]> = [];
      for (const ri of [...ruleIdxs].sort((a, b) => a - b)) {
        const { rule, re, next, stop } = this.compiled[ri];
        if (rule.generic && !genericOk) continue;
        if (next && !(f.lineNumbers[idx + 1] === f.lineNumbers[idx] + 1 && next.test(f.lines[idx + 1]))) continue;
        for (const [text, offset] of this.slices(lineText, rule)) {
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(text))) {
            if (m[0].length === 0) { re.lastIndex++; continue; }
            const g = rule.secretGroup ?? (m.length > 1 ? 1 : 0);
            const secret = m[g];
            if (!secret) continue;
            const start = offset + m.index + (g === 0 ? 0 : m[0].indexOf(secret));
            const end = start + secret.length;
            if (taken.some(([s, e]) => start < e && end > s)) continue;
            if (stop?.has(secret.toLowerCase()) || !this.accepts(rule, secret, lineText, { lines: f.lines, lineNumbers: f.lineNumbers, idx, file: f.file })) continue;
            taken.push([start, end]);
            onFinding({
              ruleId: rule.id, provider: rule.provider, slug: rule.slug, title: rule.title, severity: rule.fixtureSeverity && isFixturePath(f.file) ? rule.fixtureSeverity : rule.severity,
              file: f.file, line: f.lineNumbers[idx], column: start + 1, secret, matchText: m[0],
              lineText: lineText.length > MAX_LINE ? lineText.slice(Math.max(0, start - 200), end + 200) : lineText,
              envVars: rule.envVars, prefix: rule.prefix, commit: f.commit,
              fingerprint: fingerprint(rule.id, f.file, secret),
            });
          }
        }
      }
    }
    if (depth < MAX_DEPTH) for (const i of encoded) this.scanDecoded(f, i, onFinding, depth, encoding);
  }

  /** Decodes the encoded runs of one line and scans what they hold, reporting at the original place. */
  private scanDecoded(f: Fragment, i: number, onFinding: (x: Finding) => void, depth: number, outer: string): void {
    const line = f.lines[i];
    for (const c of decodeCandidates(line)) {
      const encoding = outer ? `${outer}+${c.encoding}` : c.encoding;
      const inner: Fragment = { file: f.file, lines: [c.text], lineNumbers: [f.lineNumbers[i]], commit: f.commit };
      this.scan(inner, (x) => onFinding({ ...x, column: c.at + 1, lineText: line, encoding, fingerprint: fingerprint(x.ruleId, x.file, x.secret) }), depth + 1, encoding);
    }
  }

  /** The parts of a line to run a pattern on: the whole line, or windows around keywords on a huge line. */
  private slices(line: string, rule: Rule): Array<[string, number]> {
    if (line.length <= MAX_LINE) return [[line, 0]];
    const lower = line.toLowerCase();
    const out: Array<[string, number]> = [];
    let lastEnd = -1;
    for (const kw of rule.keywords) {
      const k = kw.toLowerCase();
      for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) {
        const s = Math.max(0, i - WINDOW, lastEnd);
        const e = Math.min(line.length, i + WINDOW);
        if (e > s) out.push([line.slice(s, e), s]);
        lastEnd = e;
      }
    }
    return out;
  }
}
