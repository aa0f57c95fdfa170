/** --format json: the contract's shape. */
import type { ReportOptions, ScanResult } from './result';
import { shownSecret } from './redact-finding';
import type { Reporter } from './reporter';

export function renderJson(r: ScanResult, o: ReportOptions): string {
  return (
    JSON.stringify(
      {
        version: 1,
        where: r.where,
        findings: r.findings.map((f) => ({
          ruleId: f.ruleId,
          provider: f.provider,
          title: f.title,
          file: f.file,
          line: f.line,
          column: f.column,
          ...(f.commit ? { commit: f.commit.sha, author: f.commit.author, date: f.commit.date } : {}),
          match: shownSecret(f, o.redact),
          fingerprint: f.fingerprint,
          severity: f.severity,
          ...(f.encoding ? { encoding: f.encoding } : {}),
          ...(f.liveness ? { liveness: f.liveness } : {}),
        })),
        suppressed: r.suppressed,
        notices: r.notices,
        stats: r.stats,
      },
      null,
      2,
    ) + '\n'
  );
}

export const jsonReporter: Reporter = { render: (r, o) => renderJson(r, o) };
