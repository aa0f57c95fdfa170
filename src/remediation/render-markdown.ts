/** The remediation model as Markdown: docs/providers pages and the SARIF help that code scanning shows. */
import type { Step } from './step';
import type { ProviderRemedy } from './playbook';

const code = (s: string) => `\`${s}\``;

function stepMarkdown(s: Step): string {
  const vars = s.vars ? ` (${s.vars.map(code).join(', ')})` : '';
  const head = `**${s.action}**${vars}${s.url ? ` at ${s.url}` : ''}${s.substeps ? ':' : '.'}`;
  const files = s.files ? [`${s.files.lead}: ${s.files.items.map(code).join(', ')}.`] : [];
  return [head, ...s.detail, ...files].join(' ');
}

/** A numbered list; sub-steps nested under their step. */
export function stepsMarkdown(steps: Step[]): string[] {
  return steps.flatMap((s, i) => [`${i + 1}. ${stepMarkdown(s)}`, ...(s.substeps ?? []).map((x) => `   - ${stepMarkdown(x)}`)]);
}

export const urgencyMarkdown = (places: ProviderRemedy['urgency']): string[] => places.map((u) => `- **${u.place}**: ${u.says}`);
