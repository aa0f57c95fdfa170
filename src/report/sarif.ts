/** --format sarif: SARIF 2.1.0 as GitHub code scanning reads it. Help text comes from the playbooks. */
import type { Config } from '../config/types';
import { playbookFor } from '../rules/load';
import type { ReportOptions, ScanResult } from './result';
import { shownSecret } from './redact-finding';
import type { Reporter } from './reporter';
import { HOMEPAGE } from '../messages';
import { severityOf } from '../rules/severity';
import { providerRemedy } from '../remediation/playbook';
import { stepsText } from '../remediation/render-text';
import { stepsMarkdown } from '../remediation/render-markdown';

/** What a SARIF rule descriptor needs to know of a rule (a Rule or a Finding both have it). */
export interface SarifRuleInput {
  id?: string;
  ruleId?: string;
  slug: string;
  title: string;
  provider: string;
  severity: string;
}

/** One reportingDescriptor: the rule, its severity, and the playbook as help text. */
export function sarifRule(f: SarifRuleInput, config: Config) {
  const id = (f.ruleId ?? f.id)!;
  const pb = playbookFor(id, f.slug, config);
  const steps = pb ? providerRemedy(pb).steps : null;
  const more = `Run \`leakguard explain ${id}\` for the full playbook.`;
  const help = steps
    ? { text: [...stepsText(steps), '', more].join('\n'), markdown: [...stepsMarkdown(steps), '', more].join('\n') }
    : { text: `Remove the secret and rotate it. ${more}`, markdown: `Remove the secret and rotate it. ${more}` };
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: f.title },
    fullDescription: { text: `${f.title} (${f.provider}) committed to source.` },
    ...(pb?.playbook.console ? { helpUri: pb.playbook.console } : {}),
    help,
    defaultConfiguration: { level: severityOf(f.severity).sarifLevel },
    properties: { tags: ['security', 'secret'], 'security-severity': severityOf(f.severity).sarifScore, provider: f.provider },
  };
}

/** The whole SARIF log around a rule list and its results. */
export function sarifLog(version: string, rules: unknown[], results: unknown[], invocations?: unknown[]): string {
  return (
    JSON.stringify(
      {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'leakguard', version, informationUri: HOMEPAGE, rules } },
            ...(invocations ? { invocations } : {}),
            results,
          },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}

export function renderSarif(r: ScanResult, o: ReportOptions, config: Config, version: string): string {
  const ruleIds = [...new Set(r.findings.map((f) => f.ruleId))];
  const rules = ruleIds.map((id) =>
    sarifRule(
      r.findings.find((x) => x.ruleId === id)!,
      config,
    ),
  );
  const results = r.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: severityOf(f.severity).sarifLevel,
    message: {
      text: `${f.title} found: ${shownSecret(f, o.redact)}${f.commit ? ` in commit ${f.commit.sha.slice(0, 10)}` : ''}. Revoke and rotate it; see the rule's help.`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file) },
          region: { startLine: Math.max(1, f.line), startColumn: f.column, endColumn: f.column + f.secret.length },
        },
      },
    ],
    partialFingerprints: { 'leakguard/v1': f.fingerprint },
    ...(f.commit ? { properties: { commit: f.commit.sha, author: f.commit.author, date: f.commit.date } } : {}),
  }));
  // What was not scanned (binary, unreadable, too big...): notes for the reader, errors when content could not be read.
  const invocations = [
    {
      executionSuccessful: !r.notices.some((n) => n.unscanned),
      toolExecutionNotifications: r.notices.map((n) => ({
        level: n.unscanned ? 'error' : 'note',
        message: { text: `${n.file}: ${n.reason}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(n.file) } } }],
      })),
    },
  ];
  return sarifLog(version, rules, results, invocations);
}

export const sarifReporter: Reporter = { render: (r, o, ctx) => renderSarif(r, o, ctx.config, ctx.version()) };
