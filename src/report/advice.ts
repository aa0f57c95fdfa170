/**
 * What to do about a finding, phrased for where the key is. The order matters: a key that has left the
 * machine must be revoked before anything else; a key that is only staged just has to be taken out.
 */
import type { Playbook } from '../rules/types';
import type { Where } from './result';

export interface AdviceInput {
  where: Where;
  provider: string;
  playbook: Playbook;
  envVar?: string;
  files: Array<{ file: string; line: number; envRead: string | null; commit?: string }>;
  inventory: string[];
  ruleId: string;
}

export const URGENCY: Record<Where, string> = {
  staged: 'The key is staged but not committed yet: nothing has left your machine.',
  'pre-push': 'The key is in local commits that are not pushed yet: it has not left your machine, but it is in your history.',
  history: 'The key is in the repository history: treat it as public. Revoke it now; cleaning history afterwards does not make a leaked key safe.',
  range: 'The key is in commits of this range: once pushed, treat it as public. Revoke it now, then remove it from the commits.',
  files: 'The key is written in a file on disk.',
  stdin: 'The key is in the text given on stdin.',
};

function rotation(a: AdviceInput, first: boolean): string[] {
  const p = a.playbook;
  const v = a.envVar ? ` (${a.envVar})` : '';
  const lines = [
    // Providers without key variables (private keys, JWTs, connection strings) point to documentation, not a console.
    `${a.envVar ? 'Create a new key' : 'Replace the credential (how-to)'}: ${p.console}${p.create ? `\n   ${p.create}` : ''}`,
    `Put the new key everywhere the old one is used${v}, in your secret store or CI settings, not in code.` +
      (a.inventory.length ? `\n   These files in this repository read it or hold it:\n${a.inventory.map((f) => `     - ${f}`).join('\n')}` : ''),
    `Revoke the old key${first ? ' now' : ''}.${p.revoke ? `\n   ${p.revoke}` : ''}`,
    `Check for misuse${p.usage ? `: ${p.usage}` : '.'}${p.misuse ? `\n   ${p.misuse}` : ''}`,
  ];
  return lines;
}

function takeOut(a: AdviceInput): string[] {
  return a.files.map((f) => {
    const read = a.envVar ? (f.envRead ? `read it with ${f.envRead} instead` : `read it from the ${a.envVar} environment variable instead`) : 'read it from an environment variable or secret store instead';
    return `${f.file} line ${f.line}: delete the key and ${read}.`;
  });
}

export function adviceSteps(a: AdviceInput): { heading: string; steps: string[] } {
  const files = [...new Set(a.files.map((f) => f.file))];
  const quoted = files.map((f) => (/[\s'"]/.test(f) ? JSON.stringify(f) : f));
  switch (a.where) {
    case 'staged':
      return {
        heading: 'Take the key out before you commit',
        steps: [
          ...takeOut(a),
          a.envVar ? `Keep the value in an untracked .env file (listed in .gitignore) as ${a.envVar}=..., or in your secret manager.` : 'Keep the value in an untracked .env file or your secret manager.',
          `Stage the fixed file: git add ${quoted.join(' ')}   (or unstage it: git restore --staged ${quoted.join(' ')})`,
          `If this key was ever pasted anywhere else (chat, another repo, CI logs), rotate it as well:`,
          ...rotation(a, false).map((s) => `  - ${s.replace(/\n/g, '\n  ')}`),
        ],
      };
    case 'pre-push': {
      const commits = [...new Set(a.files.map((f) => f.commit).filter(Boolean))];
      return {
        heading: 'Remove the key from the unpushed commits, then rotate it',
        steps: [
          ...takeOut(a),
          `If the key is in your last commit: fix the file, git add it, then git commit --amend.`,
          `If it is in an older unpushed commit${commits.length ? ` (${commits.join(', ')})` : ''}: git rebase -i on the commit before it, mark it "edit", fix and amend; or run git filter-repo --replace-text with the key's value.`,
          `Then push again. Because the key now sits in local history, rotate it too:`,
          ...rotation(a, false).map((s) => `  - ${s.replace(/\n/g, '\n  ')}`),
        ],
      };
    }
    case 'history':
    case 'range':
      return {
        heading: 'Revoke and rotate the key first, then clean the history',
        steps: [
          ...rotation(a, true),
          `Only then remove it from history (git filter-repo --replace-text, or BFG) and ask everyone to re-clone. This does not make the old key safe; revoking it does.`,
        ],
      };
    default:
      return {
        heading: 'Take the key out of the file and rotate it if it was shared',
        steps: [...takeOut(a), ...rotation(a, false)],
      };
  }
}
