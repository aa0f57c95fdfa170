/** `leakguard rules`: every rule with its provider; `--format json` adds each provider's playbook. */
import { builtinPlaybooks, playbookFor, rulesFor } from '../rules/load';
import { loadConfig, } from '../config/load';
import { findConfigFileRoot } from './root';

export async function rulesCommand(format: string, configFile?: string): Promise<number> {
  const config = loadConfig(configFile, await findConfigFileRoot());
  const rules = rulesFor(config);
  if (format === 'json') {
    builtinPlaybooks();
    const list = rules.map((r) => ({
      id: r.id, provider: r.provider, title: r.title, severity: r.severity, keywords: r.keywords,
      pattern: r.pattern, envVars: r.envVars, playbook: playbookFor(r.id, r.slug, config)?.playbook ?? null,
    }));
    process.stdout.write(JSON.stringify({ version: 1, providers: new Set(rules.map((r) => r.provider)).size, rules: list }, null, 2) + '\n');
    return 0;
  }
  const w = Math.max(...rules.map((r) => r.id.length));
  const pw = Math.max(...rules.map((r) => r.provider.length));
  const lines = rules.map((r) => `${r.id.padEnd(w)}  ${r.provider.padEnd(pw)}  ${r.title}`);
  process.stdout.write(`${lines.join('\n')}\n\n${rules.length} rules, ${new Set(rules.map((r) => r.provider)).size} providers. \`leakguard explain RULE_ID\` prints a rule's playbook.\n`);
  return 0;
}
