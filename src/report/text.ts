/**
 * --format text: the block message. Findings first (file, line, provider, the redacted key), then per
 * provider what to do, phrased for where the key is, then how to allow a false positive.
 */
import type { Finding } from '../engine/finding';
import type { Config } from '../config/types';
import type { ReportOptions, ScanResult } from './result';
import { urgencyOf } from '../remediation/urgency';
import { providerGroups } from '../remediation/groups';
import { stepsText } from '../remediation/render-text';
import { LIVENESS, livenessText } from '../remediation/liveness';
import { shownSecret } from './redact-finding';
import { IGNORE_FILE } from '../allow/fingerprints';
import { forTerminal } from './terminal';
import type { Reporter } from './reporter';

type Paint = (s: string) => string;
interface Pens {
  red: Paint;
  bold: Paint;
  dim: Paint;
  yellow: Paint;
  cyan: Paint;
  green: Paint;
}

function pens(color: boolean): Pens {
  if (!color) {
    const id: Paint = (s) => s;
    return { red: id, bold: id, dim: id, yellow: id, cyan: id, green: id };
  }
  const chalk = require('chalk') as typeof import('chalk');
  const c = new chalk.Instance({ level: 1 });
  return { red: c.red, bold: c.bold, dim: c.dim, yellow: c.yellow, cyan: c.cyan, green: c.green };
}

/** More findings than this are listed one line each. */
const COMPACT_AFTER = 10;

const BLOCKED: Record<string, string> = {
  staged: 'leakguard blocked this commit',
  'pre-push': 'leakguard blocked this push',
};

/** One entry per fingerprint: the first place, and how many later commits hold it too. */
function group(findings: Finding[]): Array<{ first: Finding; later: Finding[] }> {
  const by = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = by.get(f.fingerprint) ?? [];
    list.push(f);
    by.set(f.fingerprint, list);
  }
  return [...by.values()].map((list) => {
    const sorted = [...list].sort((a, b) => (a.commit?.date ?? '').localeCompare(b.commit?.date ?? ''));
    return { first: sorted[0], later: sorted.slice(1) };
  });
}

/** The text report, safe to print: a report written with --output is shown with cat too. */
export function renderText(r: ScanResult, o: ReportOptions, config: Config): string {
  return forTerminal(composeText(r, o, config), o.color);
}

export const textReporter: Reporter = { render: (r, o, ctx) => renderText(r, o, ctx.config) };

function composeText(r: ScanResult, o: ReportOptions, config: Config): string {
  const p = pens(o.color);
  const out: string[] = [];
  const notices = r.notices.map((n) => p.dim(`  note: ${n.file}: ${n.reason}`));
  const sup = Object.entries(r.suppressed)
    .filter(([, n]) => n)
    .map(([k, n]) => `${n} by ${k}`);
  const supLine = sup.length
    ? p.dim(`  ${Object.values(r.suppressed).reduce((a, b) => a + (b ?? 0), 0)} finding(s) allowed (${sup.join(', ')}).`)
    : '';
  if (!r.findings.length) {
    if (notices.length || supLine) return [...notices, supLine].filter(Boolean).join('\n') + '\n';
    return '';
  }
  const groups = group(r.findings);
  const files = new Set(r.findings.map((f) => f.file));
  const title = BLOCKED[r.where] ?? 'leakguard found secrets';
  out.push(
    '',
    p.red(
      p.bold(`\u2716 ${title}: ${groups.length} secret${groups.length > 1 ? 's' : ''} in ${files.size} file${files.size > 1 ? 's' : ''}`),
    ),
    '',
  );
  const pushedCount = groups.filter((g) => r.pushed?.has(g.first.fingerprint)).length;
  const urgency = urgencyOf(r.where, pushedCount, groups.length);
  out.push(`  ${pushedCount ? p.red(p.bold(urgency)) : urgency}`, '');
  // Many findings: one line each, so that the block stays readable; `leakguard explain` has the rest.
  const compact = groups.length > COMPACT_AFTER;
  const width = compact ? Math.max(...groups.map((g) => `${g.first.file}:${g.first.line}`.length)) : 0;
  for (const { first: f } of compact ? groups : []) {
    const pushed = r.pushed?.has(f.fingerprint) ? p.red('  ALREADY PUSHED') : '';
    out.push(
      `  ${p.bold(`${f.file}:${f.line}${f.line === 0 ? ' (in the file name)' : ''}`.padEnd(width))}  ${p.yellow(f.title)}  ${shownSecret(f, o.redact)}${pushed}  ${p.dim(f.fingerprint)}`,
    );
  }
  for (const { first: f, later } of compact ? [] : groups) {
    out.push(
      `  ${p.bold(f.line === 0 ? `${f.file} (in the file name)` : `${f.file}:${f.line}:${f.column}`)}  ${p.yellow(f.title)} ${p.dim(`(${f.provider}, ${f.severity})`)}`,
    );
    const pen = !f.liveness
      ? null
      : LIVENESS[f.liveness].alarm
        ? (t: string) => p.red(p.bold(t))
        : f.liveness === 'revoked'
          ? p.green
          : p.dim;
    const live = pen ? pen(`  ${livenessText(f.liveness!)}`) : '';
    if (r.pushed?.has(f.fingerprint))
      out.push(p.red(p.bold('    already pushed: this exact key is in history reachable from a remote-tracking branch')));
    out.push(`    key: ${shownSecret(f, o.redact)}${f.encoding ? p.dim(`  (found ${f.encoding}-encoded)`) : ''}${live}`);
    if (f.commit) out.push(`    commit ${f.commit.sha.slice(0, 10)}  ${f.commit.author}  ${f.commit.date}`);
    if (later.length)
      out.push(
        p.dim(
          `    also in ${later.length} later commit${later.length > 1 ? 's' : ''}: ${later
            .slice(0, 5)
            .map((l) => l.commit?.sha.slice(0, 10))
            .join(', ')}${later.length > 5 ? ', \u2026' : ''}`,
        ),
      );
    out.push(p.dim(`    fingerprint: ${f.fingerprint}`));
  }
  // One block of advice per provider (the playbook is the provider's); each file line names its own rule's variable.
  for (const g of providerGroups(
    r,
    groups.map((x) => x.first),
    config,
    compact,
  )) {
    if (!g.advice) continue;
    out.push('', p.cyan(p.bold(`  ${g.provider}: ${g.advice.heading}`)));
    out.push(...stepsText(g.advice.steps, '  '));
    out.push(p.dim(`  Full playbook: leakguard explain ${g.key}`));
  }
  out.push('', p.bold('  Not a secret?'));
  out.push(`  Add a comment with ${p.green('leakguard:allow')} on the same line (e.g. "# leakguard:allow test fixture"),`);
  out.push(`  or add the fingerprint above to ${IGNORE_FILE}.`);
  if (r.where === 'staged' || r.where === 'pre-push')
    out.push(p.dim(`  To skip this check once (a warning is printed): SKIP=leakguard git ${r.where === 'staged' ? 'commit' : 'push'} ...`));
  if (notices.length) {
    out.push('');
    for (const n of notices) out.push(n);
  }
  if (supLine) out.push(supLine);
  out.push('');
  return out.join('\n') + '\n';
}
