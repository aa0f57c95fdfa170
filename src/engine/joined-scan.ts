/**
 * The second look at a fragment, for keys that no single line holds whole: base64 wrapped across lines
 * (decoded as one run) and keys written as quoted string pieces (joined). The joined text is scanned as
 * a fragment of its own; what is found is reported at the first line of the run, unless the same key was
 * already reported for the fragment. Joined string pieces only count for keys with a fixed prefix or a
 * PEM header, never for catch-all rules, so ordinary concatenated strings do not raise alarms.
 */
import type { Fragment } from '../sources/fragment';
import type { Finding } from './finding';
import type { Engine } from './scan';
import { decodeBase64Text } from './decode';
import { wrappedBase64Runs } from './wrapped-base64';
import { joinedStringRuns } from './string-pieces';
import { quotedPrintableRuns } from './quoted-printable';
import { fingerprint } from './fingerprint';
import { MAX_LINE, columnOf } from './windows';

/** Shorter runs are left to the line-by-line decoder. */
export const MIN_RUN = 24;

export function scanJoined(
  engine: Engine,
  f: Fragment,
  keywordLines: Iterable<number>,
  onFinding: (x: Finding) => void,
  reported: Set<string>,
): void {
  for (const r of wrappedBase64Runs(f.lines, f.lineNumbers)) decodeRun(engine, f, r, r, onFinding, reported);
  // Wrapped base64 kept in one string with `\n` escapes (JSON, a CI variable): each such line split at them.
  for (let i = 0; i < f.lines.length; i++) {
    const line = f.lines[i];
    if (line.indexOf('\\n') === -1 || line.length > MAX_LINE || !ESCAPED_WRAP.test(line)) continue;
    const parts = line.split(/(?:\\r)?\\n/);
    for (const r of wrappedBase64Runs(
      parts,
      parts.map((_, n) => n),
    ))
      decodeRun(engine, f, r, { idx: i, last: i, at: 0 }, onFinding, reported);
  }
  for (const r of joinedStringRuns(f.lines, f.lineNumbers, keywordLines)) {
    scanText(engine, f, { ...r, at: 0 }, r.text, '', true, onFinding, reported);
  }
  for (const r of quotedPrintableRuns(f.lines, f.lineNumbers))
    scanText(engine, f, r, r.text, 'quoted-printable', true, onFinding, reported);
}

const ESCAPED_WRAP = /[A-Za-z0-9+/=]{16}(?:\\r)?\\n[A-Za-z0-9+/]{4}/;

function decodeRun(
  engine: Engine,
  f: Fragment,
  r: { text: string },
  at: Run,
  onFinding: (x: Finding) => void,
  reported: Set<string>,
): void {
  if (r.text.length < MIN_RUN) return;
  const text = decodeBase64Text(r.text);
  if (text !== undefined) scanText(engine, f, at, text, r.text.startsWith('H4sI') ? 'gzip+base64' : 'base64', false, onFinding, reported);
}

/** Whether the same provider was already reported on one of the run's lines (the PEM header rule, say). */
function seenInRun(f: Fragment, run: Run, provider: string, reported: Set<string>): boolean {
  for (let i = run.idx; i <= run.last; i++) if (reported.has(`${provider}@${f.lineNumbers[i]}`)) return true;
  return false;
}

interface Run {
  idx: number;
  last: number;
  at: number;
}

function scanText(
  engine: Engine,
  f: Fragment,
  run: Run,
  text: string,
  encoding: string,
  prefixed: boolean,
  onFinding: (x: Finding) => void,
  reported: Set<string>,
): void {
  const lines = text.split(/\r?\n/);
  const inner: Fragment = { file: f.file, lines, lineNumbers: lines.map((_, i) => i + 1), commit: f.commit };
  const { idx, at } = run;
  const line = f.lines[idx];
  const lineText = line.length > MAX_LINE ? line.slice(Math.max(0, at - 200), at + 400) : line;
  engine.scan(
    inner,
    (x) => {
      if (prefixed) {
        const rule = engine.rule(x.ruleId);
        if (!rule || rule.generic || !(rule.prefix || x.matchText.includes('-----BEGIN '))) return;
      }
      const key = `${x.ruleId}\0${x.secret}`;
      if (reported.has(key) || seenInRun(f, run, x.provider, reported)) return;
      const how = [encoding, x.encoding].filter(Boolean).join('+');
      onFinding({
        ...x,
        line: f.lineNumbers[idx],
        column: columnOf(f, idx, at),
        lineText,
        encoding: how || undefined,
        fingerprint: fingerprint(x.ruleId, x.file, x.secret),
      });
    },
    1,
    encoding,
  );
}
