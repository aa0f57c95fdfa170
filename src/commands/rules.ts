/**
 * `leakguard rules [PROVIDER|RULE_ID...]`: every rule with its provider, or only the ones asked for.
 * `--format json` adds each provider's playbook; `--format sarif` writes the rules as SARIF tool.driver.rules.
 */
import fs from 'node:fs';
import { UserError } from '../errors';
import { builtinPlaybooks, playbookFor, rulesFor } from '../rules/load';
import { loadConfig } from '../config/load';
import type { Rule } from '../rules/types';
import { findConfigFileRoot } from './config-root';

/** The rules that match any of the filters (rule id, provider name or slug, case-insensitive); all without filters. */
export function filterRules(rules: Rule[], filters: string[]): Rule[] {
  if (!filters.length) return rules;
  const wanted = filters.map((f) => f.toLowerCase());
  const hit = (r: Rule, q: string) => r.id === q || r.slug === q || r.provider.toLowerCase() === q;
  const unknown = wanted.filter((q) => !rules.some((r) => hit(r, q)));
  if (unknown.length) throw new UserError(`no rule or provider called "${unknown[0]}"`, 'Run `leakguard rules` for the list.');
  return rules.filter((r) => wanted.some((q) => hit(r, q)));
}

export async function rulesCommand(format: string, configFile?: string, filters: string[] = [], output?: string): Promise<number> {
  const config = loadConfig(configFile, await findConfigFileRoot());
  const rules = filterRules(rulesFor(config), filters);
  const providers = new Set(rules.map((r) => r.provider)).size;
  let text: string;
  if (format === 'json') {
    builtinPlaybooks();
    const list = rules.map((r) => ({
      id: r.id,
      provider: r.provider,
      title: r.title,
      severity: r.severity,
      keywords: r.keywords,
      pattern: r.pattern,
      envVars: r.envVars,
      playbook: playbookFor(r.id, r.slug, config)?.playbook ?? null,
    }));
    text = JSON.stringify({ version: 1, providers, rules: list }, null, 2) + '\n';
  } else if (format === 'sarif') {
    const { sarifLog, sarifRule } = await import('../report/sarif');
    const { version } = await import('./scan');
    text = sarifLog(
      version(),
      rules.map((r) => sarifRule(r, config)),
      [],
    );
  } else {
    const w = Math.max(...rules.map((r) => r.id.length));
    const pw = Math.max(...rules.map((r) => r.provider.length));
    const lines = rules.map((r) => `${r.id.padEnd(w)}  ${r.provider.padEnd(pw)}  ${r.title}`);
    text = `${lines.join('\n')}\n\n${rules.length} rule${rules.length === 1 ? '' : 's'}, ${providers} provider${providers === 1 ? '' : 's'}. \`leakguard explain RULE_ID\` prints a rule's playbook.\n`;
  }
  if (output) fs.writeFileSync(output, text);
  else process.stdout.write(text);
  return 0;
}
