/** `leakguard explain RULE_ID|PROVIDER`: the whole revoke-and-rotate playbook, in the terminal. */
import { UserError } from '../errors';
import { loadConfig } from '../config/load';
import { playbookFor, rulesFor } from '../rules/load';
import { findConfigFileRoot } from './config-root';
import type { Rule } from '../rules/types';

/** The rule's variable(s) and loading pattern, in a few words. */
function whereItBelongs(r: Rule): string {
  if (r.advice) return r.advice;
  const vars = [...new Set([...r.envVars.slice(0, 1), ...(r.envVarsByValue ?? []).map((m) => m.envVar)])];
  if (!vars.length) return 'an environment variable or your secret manager';
  return `the ${vars.join(' or ')} environment variable${vars.length > 1 ? 's (by kind of key)' : ''}`;
}

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
  const p = pb.playbook;
  const out = [
    `${pb.provider}: what to do when a key leaks`,
    '',
    'Rules, and where each key belongs instead of in code:',
    ...matched.map((r) => `  - ${r.id} (${r.title}): ${whereItBelongs(r)}`),
    '',
    'How urgent it is depends on where the key is:',
    '  - staged only: take it out of the file and read it from the environment; nothing has left your machine,',
    '    unless the same key was pushed before (leakguard checks the remote-tracking branches and says so).',
    '  - committed, not pushed: remove it from the local commits (amend, or rebase -i), and rotate it.',
    '  - pushed, or anywhere in history: treat it as public. Revoke it now, then clean the history.',
    '',
    '1. Create a new key',
    `   ${p.console}`,
    p.create ? `   ${p.create}` : '',
    '2. Deploy it everywhere the old key is used (secret store, CI variables, servers), not in code.',
    '   `leakguard scan` lists the files of this repository that read the variable when it blocks.',
    '3. Revoke the old key',
    p.revoke ? `   ${p.revoke}` : '',
    '4. Check for misuse',
    p.usage ? `   ${p.usage}` : '',
    p.misuse ? `   ${p.misuse}` : '',
    ...(p.notes?.length ? ['', 'Good to know:', ...p.notes.map((n) => `  - ${n}`)] : []),
    p.docs ? `\nDocs: ${p.docs}` : '',
  ];
  process.stdout.write(
    out
      .filter((l, i, a) => l !== '' || a[i - 1] !== '')
      .join('\n')
      .replace(/\n+$/, '') + '\n',
  );
  return 0;
}
