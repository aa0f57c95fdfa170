/**
 * How urgent a leaked key is, by where it is: the one wording the block message, the HTML report,
 * `leakguard explain` and the provider pages use. A key that has left the machine is revoked first.
 */
import type { Where } from '../report/result';

export const URGENCY: Record<Where, string> = {
  staged: 'The key is staged but not committed yet: nothing has left your machine.',
  'pre-push': 'The key is in local commits that are not pushed yet: it has not left your machine, but it is in your history.',
  history:
    'The key is in the repository history: treat it as public. Revoke it now; cleaning history afterwards does not make a leaked key safe.',
  range: 'The key is in commits of this range: once pushed, treat it as public. Revoke it now, then remove it from the commits.',
  files: 'The key is written in a file on disk.',
  stdin: 'The key is in the text given on stdin.',
};

/** A staged or unpushed key whose exact value is already in pushed history. */
export const URGENCY_PUSHED = (n: number, total: number) =>
  `${n === total ? (total === 1 ? 'This key is' : 'These keys are') : `${n} of these ${total} keys ${n === 1 ? 'is' : 'are'}`} ALREADY PUBLIC: ` +
  'the same value is in history you have pushed (reachable from a remote-tracking branch). Revoke it now; taking it out of this change does not make it safe.';

/** The urgency line of a report: the already-public warning when some keys are, else the one of the place. */
export const urgencyOf = (where: Where, pushed: number, total: number): string => (pushed ? URGENCY_PUSHED(pushed, total) : URGENCY[where]);

/** What to do first, by where the key is (the heading of a provider's steps). */
export const FIRST: Record<Where, string> = {
  staged: 'Take the key out before you commit',
  'pre-push': 'Remove the key from the unpushed commits, then rotate it',
  history: 'Revoke and rotate the key first, then clean the history',
  range: 'Revoke and rotate the key first, then clean the history',
  files: 'Take the key out of the file and rotate it if it was shared',
  stdin: 'Take the key out of the file and rotate it if it was shared',
};

/** A key that is already public, wherever it is now: revoking comes first, `then` second. */
export const FIRST_PUSHED = (then: string) => `The key is already public: revoke it now, then ${then}`;

/** For a provider's page, which knows no finding: every place a key can be, how urgent it is there and what comes first. */
export const URGENCY_BY_PLACE: Array<{ place: string; says: string }> = [
  { place: 'staged only', says: `${URGENCY.staged} ${FIRST.staged}.` },
  { place: 'staged or committed, but the same key was pushed before', says: URGENCY_PUSHED(1, 1) },
  { place: 'committed, not pushed', says: `${URGENCY['pre-push']} ${FIRST['pre-push']}.` },
  { place: 'pushed, or anywhere in history', says: `${URGENCY.history} ${FIRST.history}.` },
];
