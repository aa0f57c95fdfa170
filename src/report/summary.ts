/**
 * The one line a clean scan prints on stderr ("leakguard: no secrets in 6,413 commits (1.6 s)"), so that a
 * clean audit is not silent and JSON or SARIF on stdout stays clean. The hooks stay silent: null for them.
 */
import type { ScanResult } from './result';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

export function cleanSummary(r: ScanResult): string | null {
  if (r.findings.length || r.where === 'staged' || r.where === 'pre-push') return null;
  const s = r.stats;
  const what =
    r.where === 'history' || r.where === 'range'
      ? plural(s.commitsScanned, 'commit') + (s.commitsKnownClean ? `, ${n(s.commitsKnownClean)} known clean from an earlier audit` : '')
      : r.where === 'stdin'
        ? `the text on stdin (${plural(s.linesScanned, 'line')})`
        : plural(s.filesScanned, 'file');
  const allowed = Object.values(r.suppressed).reduce((a, b) => a + (b ?? 0), 0);
  const secs = (s.ms / 1000).toFixed(1);
  return `leakguard: no secrets in ${what} (${secs} s)${allowed ? `; ${plural(allowed, 'finding')} allowed` : ''}`;
}
