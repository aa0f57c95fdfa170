/** `leakguard explain RULE_ID|PROVIDER`: the whole revoke-and-rotate playbook, in the terminal. */
import { UserError } from '../errors';
import { loadConfig } from '../config/load';
import { playbookFor, rulesFor } from '../rules/load';
import { findConfigFileRoot } from './config-root';
import { providerRemedy } from '../remediation/playbook';
import { stepsText, urgencyText } from '../remediation/render-text';

export async function explainCommand(what: string | undefined, configFile?: string): Promise<number> {
  if (!what)
    throw new UserError(
      'explain needs a rule id or a provider name, e.g. `leakguard explain openai-project-key` or `leakguard explain openai`.',
    );
  const config = loadConfig(configFile, await findConfigFileRoot());
  const rules = rulesFor(config);
  const q = what.toLowerCase();
  const matched = rules.filter((r) => r.id === q || r.slug === q || r.provider.toLowerCase() === q);
  if (!matched.length) throw new UserError(`no rule or provider called "${what}".`, 'Run `leakguard rules` for the list.');
  const first = matched[0];
  const pb = playbookFor(first.id, first.slug, config);
  if (!pb) throw new UserError(`rule ${first.id} has no playbook.`);
  const remedy = providerRemedy(pb, matched);
  const out = [
    `${remedy.provider}: what to do when a key leaks`,
    '',
    'Rules, and where each key belongs instead of in code:',
    ...remedy.rules.map((r) => `  - ${r.id} (${r.title}): ${r.home}`),
    '',
    'How urgent it is depends on where the key is:',
    ...urgencyText(remedy, '  '),
    '',
    ...stepsText(remedy.steps),
    ...(remedy.notes.length ? ['', 'Good to know:', ...remedy.notes.map((n) => `  - ${n}`)] : []),
    remedy.docs ? `\nDocs: ${remedy.docs}` : '',
  ];
  process.stdout.write(
    out
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n')
      .replace(/\n+$/, '') + '\n',
  );
  return 0;
}
