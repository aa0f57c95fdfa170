/**
 * What to do about the findings of one provider, phrased for where the key is. The order matters: a key
 * that has left the machine must be revoked before anything else; a key that is only staged just has to
 * be taken out. The result is data (remediation/step.ts); the reporters lay it out.
 */
import type { Playbook } from '../rules/types';
import type { Where } from '../report/result';
import { rotationSteps, type Step, type StepKind } from './step';
import { FIRST, FIRST_PUSHED } from './urgency';

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
  envVars: string[];
  files: AdviceFile[];
  inventory: string[];
  ruleId: string;
  /** At least one of these keys is already reachable from a remote-tracking ref: it is public. */
  pushed?: boolean;
  /** Many findings: list at most a few files in the take-out step (the findings list names them all). */
  compact?: boolean;
}

export interface Advice {
  heading: string;
  steps: Step[];
}

const step = (kind: StepKind, action: string, ...detail: string[]): Step => ({ kind, action, detail });

/** In a long block, a list shows its first few entries and a count. */
function shortList(items: string[], compact?: boolean): string[] {
  if (!compact || items.length <= COMPACT_FILES + 1) return items;
  return [...items.slice(0, COMPACT_FILES), `(${items.length - COMPACT_FILES} more)`];
}

function rotation(a: AdviceInput, now: boolean): Step[] {
  const fileVars = new Set(a.files.filter((f) => f.envVarHoldsFile && f.envVar).map((f) => f.envVar!));
  const vars = a.envVars.map((x) => (fileVars.has(x) ? `the file ${x} points at` : x));
  return rotationSteps({ playbook: a.playbook, vars, inventory: shortList(a.inventory, a.compact), now });
}

/** How one file should get the credential instead of holding it. */
function readInstead(f: AdviceFile): string {
  if (f.advice) return f.advice.charAt(0).toLowerCase() + f.advice.slice(1).replace(/\.$/, '');
  if (!f.envVar) return 'read it from an environment variable or secret store instead';
  if (f.envVarHoldsFile) return `keep the credential in a file outside the repository and point ${f.envVar} at its path`;
  return f.envRead ? `read it with ${f.envRead} instead` : `read it from the ${f.envVar} environment variable instead`;
}

function takeOut(a: AdviceInput): Step[] {
  const steps = a.files.map((f) =>
    step('take-out', `${f.file} line ${f.line}: delete the key${f.advice ? ';' : ' and'} ${readInstead(f)}`),
  );
  if (!a.compact || steps.length <= COMPACT_FILES + 1) return steps;
  const rest = steps.length - COMPACT_FILES;
  return [...steps.slice(0, COMPACT_FILES), step('take-out', `...and the same in the ${rest} other places listed above`)];
}

/** Where the new value is kept: a .env line for plain variables, a file path for the file-based ones. */
function keepValue(a: AdviceInput): Step {
  const plain = [...new Set(a.files.filter((f) => f.envVar && !f.envVarHoldsFile && !f.advice).map((f) => f.envVar!))];
  if (!plain.length)
    return step('keep-value', 'Keep the credential out of the repository: in your secret manager, or a file listed in .gitignore');
  const lines = plain.map((v) => `${v}=...`).join(', ');
  return step('keep-value', `Keep the value in an untracked .env file (listed in .gitignore) as ${lines}, or in your secret manager`);
}

/** The nested rotation of a key that has not left the machine but may have been shared. */
const rotateToo = (a: AdviceInput, action: string): Step => ({ ...step('rotate-too', action), substeps: rotation(a, false) });

/** A staged or unpushed key that is already pushed is public: revoking comes first, taking it out second. */
function revokeFirst(a: AdviceInput, then: string, last: Step): Advice {
  return { heading: FIRST_PUSHED(then), steps: [...rotation(a, true), ...takeOut(a), last] };
}

export function adviceSteps(a: AdviceInput): Advice {
  const files = [...new Set(a.files.map((f) => f.file))];
  const quoted =
    a.compact && files.length > COMPACT_FILES + 1
      ? '<the files listed above>'
      : files.map((f) => (/[\s'"]/.test(f) ? JSON.stringify(f) : f)).join(' ');
  const commits = [...new Set(a.files.map((f) => f.commit).filter(Boolean))];
  const inCommits = commits.length ? ` (${commits.join(', ')})` : '';
  const heading = FIRST[a.where];
  switch (a.where) {
    case 'staged':
      if (a.pushed)
        return revokeFirst(
          a,
          'take it out of this commit',
          step(
            'stage',
            `Stage the fixed file: git add ${quoted}, and clean the pushed history afterwards (git filter-repo --replace-text)`,
          ),
        );
      return {
        heading,
        steps: [
          ...takeOut(a),
          keepValue(a),
          step('stage', `Stage the fixed file: git add ${quoted}   (or unstage it: git restore --staged ${quoted})`),
          rotateToo(a, 'If this key was ever pasted anywhere else (chat, another repo, CI logs), rotate it as well'),
        ],
      };
    case 'pre-push':
      if (a.pushed)
        return revokeFirst(
          a,
          'remove it from the commits',
          step(
            'remove-commits',
            `Remove it from the unpushed commits${inCommits} (git commit --amend, or git rebase -i), push again, then clean the pushed history (git filter-repo --replace-text)`,
          ),
        );
      return {
        heading,
        steps: [
          ...takeOut(a),
          step('remove-commits', 'If the key is in your last commit: fix the file, git add it, then git commit --amend'),
          step(
            'remove-commits',
            `If it is in an older unpushed commit${inCommits}: git rebase -i on the commit before it, mark it "edit", fix and amend; or run git filter-repo --replace-text with the key's value`,
          ),
          rotateToo(a, 'Then push again. Because the key now sits in local history, rotate it too'),
        ],
      };
    case 'history':
    case 'range':
      return {
        heading,
        steps: [
          ...rotation(a, true),
          step(
            'clean-history',
            'Only then remove it from history (git filter-repo --replace-text, or BFG) and ask everyone to re-clone',
            'This does not make the old key safe; revoking it does.',
          ),
        ],
      };
    default:
      return { heading, steps: [...takeOut(a), ...rotation(a, false)] };
  }
}
