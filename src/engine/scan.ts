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
import type { CheckContext } from './checks';
import type { CheckName } from './check-names';
import { makeFinding } from './make-finding';
import { fingerprint } from './fingerprint';
import { decodeCandidates } from './decode';
import { scanJoined } from './joined-scan';
import { isNoiseFile } from '../noise-files';
import { MAX_LINE, columnOf, matchesIn, piecesNear, wholeLine } from './windows';
import { Spans } from './spans';
import { readsAcrossLines } from './across-lines';

/** Checks that judge a candidate by the lines below it, which a patch may not have (see readsAcrossLines). */
const BLOCK_CHECKS = new Set(['pem-block', 'der-body']);

/** How many encodings deep a secret is looked for (base64 of base64, say). */
const MAX_DEPTH = 2;

/** Lower case for ASCII only, so every position stays where it is in the line (keywords are ASCII). */
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** The context checks and file-name findings load on first use: a clean commit needs neither. */
let checks: typeof import('./checks') | undefined;
const runCheck = (name: string, secret: string, at: CheckContext) =>
  (checks ??= require('./checks') as typeof import('./checks')).CHECKS[name as CheckName](secret, at);
const fileNameFinding = (rule: Rule, f: Fragment) => (require('./file-rules') as typeof import('./file-rules')).fileNameFinding(rule, f);

interface Compiled {
  rule: Rule;
  re: RegExp;
  next: RegExp | null;
  stop: Set<string> | null;
  keywords: string[];
}

export class Engine {
  private compiled: Compiled[];
  private prefilter: Prefilter;
  private byFileName: Compiled[];

  constructor(
    readonly rules: Rule[],
    prebuilt?: PrefilterWords,
  ) {
    this.compiled = rules.map((rule) => ({
      rule,
      re: new RegExp(rule.pattern, 'g' + (rule.flags ?? '')),
      next: rule.followedBy ? new RegExp(rule.followedBy) : null,
      stop: rule.stopwords ? new Set(rule.stopwords.map((w) => w.toLowerCase())) : null,
      keywords: rule.keywords.map((k) => k.toLowerCase()),
    }));
    this.prefilter = buildPrefilter(rules, prebuilt);
    this.byFileName = this.compiled.filter((c) => c.rule.fileName);
  }

  /** Accepts or rejects one candidate secret for a rule. Exposed for tests. */
  accepts(rule: Rule, secret: string, line: string, at?: CheckContext): boolean {
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
    if (rule.notHex && /^[0-9a-f]+$/.test(secret)) return false;
    const body = rule.prefix && secret.startsWith(rule.prefix) ? secret.slice(rule.prefix.length) : secret;
    if (isPlaceholder(body, rule.structured)) return false;
    if (rule.checksum && !CHECKSUMS[rule.checksum](secret)) return false;
    if (rule.generic && lineSaysExample(line)) return false;
    if (rule.check && !runCheck(rule.check, secret, at ?? { lines: [line], lineNumbers: [1], idx: 0, file: '' })) return false;
    return true;
  }

  scan(f: Fragment, report: (x: Finding) => void, depth = 0, encoding = ''): void {
    const { rules: cands, encoded } = this.prefilter.candidates(f.lines);
    if (depth === 0) {
      this.lastLines = f.lines;
      this.lastCands = cands;
    }
    // At the top, remember what was reported, so a key found again in joined lines is not reported twice.
    const reported = depth === 0 ? new Set<string>() : undefined;
    const onFinding = reported
      ? (x: Finding) => {
          reported.add(`${x.ruleId}\0${x.secret}`).add(`${x.provider}@${x.line}`);
          report(x);
        }
      : report;
    const genericOk = !isNoiseFile(f.file);
    if (depth === 0)
      for (const { rule, re } of this.byFileName) if (((re.lastIndex = 0), re.test(f.file))) onFinding(fileNameFinding(rule, f));
    for (const [idx, ruleIdxs] of cands) {
      const lineText = f.lines[idx];
      const taken = new Spans();
      let lower: string | undefined;
      for (const ri of [...ruleIdxs].sort((a, b) => a - b)) {
        const { rule, re, next, stop, keywords } = this.compiled[ri];
        if ((rule.generic && !genericOk) || rule.fileName) continue;
        if (next && !(f.lineNumbers[idx + 1] === f.lineNumbers[idx] + 1 && next.test(f.lines[idx + 1]))) continue;
        const long = lineText.length > MAX_LINE;
        const pieces = long ? piecesNear((lower ??= asciiLower(lineText)), keywords) : wholeLine(lineText.length);
        for (const { m, start: at } of matchesIn(re, lineText, pieces)) {
          const g = rule.secretGroup ?? (m.length > 1 ? 1 : 0);
          const secret = m[g];
          if (!secret) continue;
          const start = at + (g === 0 ? 0 : m[0].indexOf(secret));
          const end = start + secret.length;
          if (taken.overlaps(start, end)) continue;
          const context = long ? lineText.slice(Math.max(0, start - 200), end + 200) : lineText;
          if (
            stop?.has(secret.toLowerCase()) ||
            !this.accepts(rule, secret, context, { lines: f.lines, lineNumbers: f.lineNumbers, idx, file: f.file })
          )
            continue;
          taken.add(start, end);
          onFinding(
            makeFinding(rule, f, { line: f.lineNumbers[idx], column: columnOf(f, idx, start), secret, matchText: m[0], lineText: context }),
          );
        }
        taken.commit();
      }
    }
    // A key the line shows plainly is not reported again from its decoded form.
    const fresh = reported
      ? (x: Finding) => {
          if (!reported.has(`${x.ruleId}\0${x.secret}`)) onFinding(x);
        }
      : onFinding;
    if (depth < MAX_DEPTH) for (const i of encoded) this.scanDecoded(f, i, fresh, depth, encoding);
    if (reported) scanJoined(this, f, cands.keys(), onFinding, reported);
  }

  /**
   * Whether a text's bytes (UTF-8 or ASCII) could hold anything to report, judged without reading it line
   * by line (may-hold.ts). A file name is judged apart: see `scan` of a fragment with no lines.
   */
  mayHold(bytes: Buffer, counted?: { lines: number }): boolean {
    return this.prefilter.mayHold(bytes, counted);
  }

  /** Whether some of the fragment's lines alone could be read otherwise than all of them (across-lines.ts). */
  readsAcrossLines(f: Fragment): boolean {
    const cands = this.lastLines === f.lines && this.lastCands ? this.lastCands : this.prefilter.candidates(f.lines).rules;
    // A rule whose check reads the block around its line (a PEM block below a header, a DER body's lines):
    // lines a patch does not add can make it say no.
    for (const [idx, rules] of cands)
      for (const ri of rules) {
        const { rule, re } = this.compiled[ri];
        if (BLOCK_CHECKS.has(rule.check ?? '') && ((re.lastIndex = 0), re.test(f.lines[idx]))) return true;
      }
    return readsAcrossLines(f, cands.keys());
  }
  /** The candidates of the fragment scanned last (readsAcrossLines is asked right after a scan); no object per scan. */
  private lastLines?: string[];
  private lastCands?: Map<number, Set<number>>;

  /** Whether a file-name rule names this path (its finding comes with any fragment of the file). */
  fileNamed(path: string): boolean {
    return this.byFileName.some(({ re }) => ((re.lastIndex = 0), re.test(path)));
  }

  /** The rule with this id (for callers that judge findings by their rule). */
  rule(id: string): Rule | undefined {
    return (this.byId ??= new Map(this.rules.map((r) => [r.id, r]))).get(id);
  }
  private byId?: Map<string, Rule>;

  /** Decodes the encoded runs of one line and scans what they hold, reporting at the original place. */
  private scanDecoded(f: Fragment, i: number, onFinding: (x: Finding) => void, depth: number, outer: string): void {
    const line = f.lines[i];
    for (const c of decodeCandidates(line)) {
      const encoding = outer ? `${outer}+${c.encoding}` : c.encoding;
      // On a huge line, the part around the encoded run (an encoded character takes at most 3).
      const lineText = line.length > MAX_LINE ? line.slice(Math.max(0, c.at - 200), c.at + 3 * c.text.length + 200) : line;
      const inner: Fragment = { file: f.file, lines: [c.text], lineNumbers: [f.lineNumbers[i]], commit: f.commit };
      this.scan(
        inner,
        (x) => onFinding({ ...x, column: columnOf(f, i, c.at), lineText, encoding, fingerprint: fingerprint(x.ruleId, x.file, x.secret) }),
        depth + 1,
        encoding,
      );
    }
  }
}
