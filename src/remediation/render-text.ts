/** The remediation model as plain text: the block message, `leakguard explain` and the SARIF help text. */
import type { Step } from './step';
import type { ProviderRemedy } from './playbook';

/** The action line, then the details and files indented under it. */
function stepLines(s: Step): string[] {
  const vars = s.vars ? ` (${s.vars.join(', ')})` : '';
  const head = `${s.action}${vars}${s.url ? `: ${s.url}` : s.substeps ? ':' : '.'}`;
  const files = s.files ? [`   ${s.files.lead}:`, ...s.files.items.map((f) => `     - ${f}`)] : [];
  return [head, ...s.detail.map((d) => `   ${d}`), ...files];
}

/** Numbered steps, each sub-step as a dashed entry under its step; every line starts with `indent`. */
export function stepsText(steps: Step[], indent = ''): string[] {
  const out: string[] = [];
  steps.forEach((s, i) => {
    const [head, ...rest] = stepLines(s);
    out.push(`${indent}${i + 1}. ${head}`, ...rest.map((l) => indent + l));
    for (const sub of s.substeps ?? []) {
      const [subHead, ...subRest] = stepLines(sub);
      out.push(`${indent}   - ${subHead}`, ...subRest.map((l) => `${indent}  ${l}`));
    }
  });
  return out;
}

/** Every place a key can be, with how urgent it is there and what comes first. */
export const urgencyText = (r: ProviderRemedy, indent = ''): string[] => r.urgency.map((u) => `${indent}- ${u.place}: ${u.says}`);
