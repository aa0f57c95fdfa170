/** Git's failures as one-line GitErrors (git missing, not a repository, or git's own first error line). */
import { GitError } from '../errors';

export function isMissingGit(e: unknown): boolean {
  const msg = String((e as Error)?.message ?? e);
  return (e as NodeJS.ErrnoException)?.code === 'ENOENT' || /spawn git ENOENT/.test(msg);
}

export function toGitError(e: unknown, args: string[]): GitError {
  if (isMissingGit(e))
    return new GitError(
      'git was not found on PATH.',
      'Install git (https://git-scm.com/downloads) or put it on PATH, then run the command again.',
    );
  const msg = String((e as Error)?.message ?? e)
    .trim()
    .split('\n')
    .filter(Boolean);
  const first = msg.find((l) => /^(fatal|error):/.test(l)) ?? msg[0] ?? 'unknown error';
  if (/not a git repository/i.test(first))
    return new GitError('this is not a git repository.', 'Run leakguard inside a git work tree, or scan files with `leakguard scan PATH`.');
  return new GitError(`git ${args[0]} failed: ${first.replace(/^(fatal|error):\s*/, '')}`);
}
