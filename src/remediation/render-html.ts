/** The remediation model as HTML, for the one-page report (escaped; only https addresses become links). */
import type { Step } from './step';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const link = (u: string) => (/^https:\/\//.test(u) ? `<a href="${esc(u)}">${esc(u)}</a>` : esc(u));
const code = (s: string) => `<code>${esc(s)}</code>`;

function stepHtml(s: Step): string {
  const vars = s.vars ? ` (${s.vars.map(code).join(', ')})` : '';
  const head = `${esc(s.action)}${vars}${s.url ? ` at ${link(s.url)}` : ''}${s.substeps ? ':' : '.'}`;
  const files = s.files ? [`${esc(s.files.lead)}: ${s.files.items.map(code).join(', ')}.`] : [];
  const subs = s.substeps ? `<ul>${s.substeps.map(stepHtml).join('')}</ul>` : '';
  return `<li>${[head, ...s.detail.map(esc), ...files].join(' ')}${subs}</li>`;
}

export const stepsHtml = (steps: Step[]): string => `<ol>${steps.map(stepHtml).join('\n')}</ol>`;
