/**
 * What to do about a finding, phrased for where the key is. The order matters: a key that has left the
 * machine must be revoked before anything else; a key that is only staged just has to be taken out.
 */
import type { Playbook } from '../rules/types';
import type { Where } from './result';

/** In a long block, how many files a step names before it counts the rest. */
const COMPACT_FILES = 3;

export interface AdviceFile {
  file: string;
  line: number;
  /** How this file's language reads the variable (e.g. process.env.X), when leakguard knows. */
  envRead: string | null;
  commit?: string;
  /** The variable of this finding's rule (AWS_SECRET_ACCESS_KEY for an AWS secret key). */
  envVar?: string;
  /** The variable names a file holding the credential (GOOGLE_APPLICATION_CREDENTIALS), not the value. */
  envVarHoldsFile?: boolean;
  /** The rule's own way of loading the credential, when it is not a plain variable. */
  advice?: string;
}

export interface AdviceInput {
  where: Where;
  provider: string;
  playbook: Playbook;
  /** The provider's variables used by these findings (first is the main one). */
  envVar?: string;
  envVars?: string[];
  files: AdviceFile[];
  inventory: string[];
  ruleId: string;
  /** At least one of these keys is already reachable from a remote-tracking ref: it is public. */
  pushed?: boolean;
  /** Many findings: list at most a few files in the take-out step (the findings list names them all). */
  compact?: boolean;
}

/** A staged or unpushed key whose exact value is already in pushed history. */
export const URGENCY_PUSHED = (n: number, total: number) =>
  `${n === total ? (total === 1 ? 'This key is' : 'These keys are') : `${n} of these ${total} keys ${n === 1 ? 'is' : 'are'}`} ALREADY PUBLIC: ` +
  'the same value is in history you have pushed (reachable from a remote-tracking branch). Revoke it now; taking it out of this change does not make it safe.';

export const URGENCY: Record<Where, string> = {
  staged: 'The key is staged but not committed yet: nothing has left your machine.',
  'pre-push': 'The key is in local commits that are not pushed yet: it has not left your machine, but it is in your history.',
  history:
    'The key is in the repository history: treat it as public. Revoke it now; cleaning history afterwards does not make a leaked key safe.',
  range: 'The key is in commits of this range: once pushed, treat it as public. Revoke it now, then remove it from the commits.',
  files: 'The key is written in a file on disk.',
  stdin: 'The key is in the text given on stdin.',
};

/** In a long block, a list shows its first few entries and a count. */
function shortList(items: string[], compact?: boolean): string[] {
  if (!compact || items.length <= COMPACT_FILES + 1) return items;
  return [...items.slice(0, COMPACT_FILES), `(${items.length - COMPACT_FILES} more)`];
}

function rotation(a: AdviceInput, first: boolean): string[] {
  const p = a.playbook;
  const vars = a.envVars?.length ? a.envVars : a.envVar ? [a.envVar] : [];
  const fileVars = new Set(a.files.filter((f) => f.envVarHoldsFile && f.envVar).map((f) => f.envVar!));
  const v = vars.length ? ` (${vars.map((x) => (fileVars.has(x) ? `the file ${x} points at` : x)).join(', ')})` : '';
  const lines = [
    // Providers without key variables (private keys, JWTs, connection strings) point to documentation, not a console.
    `${vars.length ? 'Create a new key' : 'Replace the credential (how-to)'}: ${p.console}${p.create ? `\n   ${p.create}` : ''}`,
    `Put the new key everywhere the old one is used${v}, in your secret store or CI settings, not in code.` +
      (a.inventory.length
        ? `\n   These files in this repository read it or hold it:\n${shortList(a.inventory, a.compact)
            .map((f) => `     - ${f}`)
            .join('\n')}`
        : ''),
    `Revoke the old key${first ? ' now' : ''}.${p.revoke ? `\n   ${p.revoke}` : ''}`,
    `Check for misuse${p.usage ? `: ${p.usage}` : '.'}${p.misuse ? `\n   ${p.misuse}` : ''}`,
  ];
  return lines;
}

/** How one file should get the credential instead of holding it. */
function readInstead(f: AdviceFile): string {
  if (f.advice) return f.advice.charAt(0).toLowerCase() + f.advice.slice(1).replace(/\.$/, '');
  if (!f.envVar) return 'read it from an environment variable or secret store instead';
  if (f.envVarHoldsFile) return `keep the credential in a file outside the repository and point ${f.envVar} at its path`;
  return f.envRead ? `read it with ${f.envRead} instead` : `read it from the ${f.envVar} environment variable instead`;
}

function takeOut(a: AdviceInput): string[] {
  const lines = a.files.map((f) => `${f.file} line ${f.line}: delete the key${f.advice ? ';' : ' and'} ${readInstead(f)}.`);
  if (!a.compact || lines.length <= COMPACT_FILES + 1) return lines;
  return [...lines.slice(0, COMPACT_FILES), `...and the same in the ${lines.length - COMPACT_FILES} other places listed above.`];
}

/** Where the new value is kept: a .env line for plain variables, a file path for the file-based ones. */
function keepValue(a: AdviceInput): string {
  const plain = [...new Set(a.files.filter((f) => f.envVar && !f.envVarHoldsFile && !f.advice).map((f) => f.envVar!))];
  if (!plain.length) return 'Keep the credential out of the repository: in your secret manager, or a file listed in .gitignore.';
  return `Keep the value in an untracked .env file (listed in .gitignore) as ${plain.map((v) => `${v}=...`).join(', ')}, or in your secret manager.`;
}

/** A staged or unpushed key that is already pushed is public: revoking comes first, taking it out second. */
function revokeFirst(a: AdviceInput, then: string, last: string): { heading: string; steps: string[] } {
  return { heading: `The key is already public: revoke it now, then ${then}`, steps: [...rotation(a, true), ...takeOut(a), last] };
}

export function adviceSteps(a: AdviceInput): { heading: string; steps: string[] } {
  const files = [...new Set(a.files.map((f) => f.file))];
  const quoted =
    a.compact && files.length > COMPACT_FILES + 1
      ? ['<the files listed above>']
      : files.map((f) => (/[\s'"]/.test(f) ? JSON.stringify(f) : f));
  switch (a.where) {
    case 'staged':
      if (a.pushed)
        return revokeFirst(
          a,
          'take it out of this commit',
          `Stage the fixed file: git add ${quoted.join(' ')}, and clean the pushed history afterwards (git filter-repo --replace-text).`,
        );
      return {
        heading: 'Take the key out before you commit',
        steps: [
          ...takeOut(a),
          keepValue(a),
          `Stage the fixed file: git add ${quoted.join(' ')}   (or unstage it: git restore --staged ${quoted.join(' ')})`,
          `If this key was ever pasted anywhere else (chat, another repo, CI logs), rotate it as well:`,
          ...rotation(a, false).map((s) => `  - ${s.replace(/\n/g, '\n  ')}`),
        ],
      };
    case 'pre-push': {
      const commits = [...new Set(a.files.map((f) => f.commit).filter(Boolean))];
      if (a.pushed) {
        return revokeFirst(
          a,
          'remove it from the commits',
          `Remove it from the unpushed commits${commits.length ? ` (${commits.join(', ')})` : ''} (git commit --amend, or git rebase -i), push again, then clean the pushed history (git filter-repo --replace-text).`,
        );
      }
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
