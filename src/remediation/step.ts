/**
 * The remediation model: what to do about a leaked key, as data. The block message, the HTML report,
 * `leakguard explain`, the SARIF help and docs/providers all lay out these steps; none writes its own.
 */
import type { Playbook } from '../rules/types';

export type StepKind =
  'create' | 'deploy' | 'revoke' | 'misuse' | 'take-out' | 'keep-value' | 'stage' | 'remove-commits' | 'clean-history' | 'rotate-too';

export interface Step {
  kind: StepKind;
  /** The step in one sentence, without its full stop: "Create a new key". */
  action: string;
  /** Variables the step is about, shown in brackets after the action. */
  vars?: string[];
  /** Where it is done: the provider's console or usage page (may be a plain how-to address). */
  url?: string;
  /** The provider's own instructions and other sentences, in order. */
  detail: string[];
  /** Files the step is about, with the sentence that introduces them. */
  files?: { lead: string; items: string[] };
  /** Steps that apply only in a case this step names (a staged key that was shared elsewhere). */
  substeps?: Step[];
}

/** What the rotation steps need to know; a provider's page (explain, docs, SARIF) knows no files. */
export interface RotationInput {
  playbook: Playbook;
  /** The variables the new key goes into, as the user should read them. */
  vars: string[];
  /** Files of the repository that read the variable or hold the key; undefined: no scan looked. */
  inventory?: string[];
  /** The key has left the machine: revoke it now. */
  now?: boolean;
}

/** When the files are not known, the deploy step says where leakguard lists them. */
export const INVENTORY_HINT = '`leakguard scan` lists the files of this repository that read the variable when it blocks.';

const sentences = (...s: Array<string | undefined>) => s.filter((x): x is string => !!x && !!x.trim());

/** The four steps of a rotation, in the order a careful owner takes them: create, deploy, revoke, check. */
export function rotationSteps(a: RotationInput): Step[] {
  const p = a.playbook;
  return [
    {
      kind: 'create',
      // Providers without key variables (private keys, JWTs, connection strings) point to documentation, not a console.
      action: a.vars.length ? 'Create a new key' : 'Replace the credential (how-to)',
      url: p.console || undefined,
      detail: sentences(p.create),
    },
    {
      kind: 'deploy',
      action: 'Put the new key everywhere the old one is used',
      vars: a.vars.length ? a.vars : undefined,
      detail: sentences(
        'Keep it in your secret store or CI settings, not in code.',
        a.inventory || !a.vars.length ? undefined : INVENTORY_HINT,
      ),
      files: a.inventory?.length ? { lead: 'These files in this repository read it or hold it', items: a.inventory } : undefined,
    },
    { kind: 'revoke', action: `Revoke the old key${a.now ? ' now' : ''}`, detail: sentences(p.revoke) },
    { kind: 'misuse', action: 'Check for misuse', url: p.usage || undefined, detail: sentences(p.misuse) },
  ];
}
