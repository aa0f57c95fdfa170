/**
 * The lines git gives a pre-push hook on stdin, one per ref: "<local ref> <local sha> <remote ref> <remote sha>".
 * A new branch or tag has an all-zero remote sha; a deletion an all-zero local sha (and "(delete)" as its
 * local ref). Anything else on stdin is refused: the hook cannot tell what is being pushed.
 */
import { UserError } from '../errors';

export interface PushUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

const SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;

/** Whether an object id is git's "no object" (all zeros). */
export const isZeroSha = (sha: string): boolean => ZERO.test(sha);

/** A deletion sends nothing; neither does an update whose tip the remote already has. */
export const sendsObjects = (u: PushUpdate): boolean => !isZeroSha(u.localSha) && u.localSha !== u.remoteSha;

export function parsePushLines(input: string): PushUpdate[] {
  return input
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const fields = l.split(/\s+/);
      const [localRef, localSha, remoteRef, remoteSha] = fields;
      if (fields.length !== 4 || !SHA.test(localSha) || !SHA.test(remoteSha)) {
        throw new UserError(
          `unexpected pre-push input line: "${l}"`,
          'git passes "<local ref> <local sha> <remote ref> <remote sha>" lines on stdin; run this from the pre-push hook.',
        );
      }
      return { localRef, localSha, remoteRef, remoteSha };
    });
}

/**
 * The pre-commit framework runs pre-push hooks without git's stdin lines; it passes the range in
 * PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF instead. This turns those into the same update line.
 */
export function frameworkPushLine(env: NodeJS.ProcessEnv): string {
  const to = env.PRE_COMMIT_TO_REF;
  if (!to) return '';
  const from = env.PRE_COMMIT_FROM_REF || '0'.repeat(40);
  return `${env.PRE_COMMIT_LOCAL_BRANCH ?? 'HEAD'} ${to} ${env.PRE_COMMIT_REMOTE_BRANCH ?? 'HEAD'} ${from}\n`;
}
