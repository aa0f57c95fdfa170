/** Which files hold any of some fixed strings (`git grep -l`): the strings go on stdin, never on a command line. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { collect } from './process';
import { toGitError } from './git-error';
import { nulItems } from './parse-lists';

export async function grepFiles(
  spawnGit: (args: string[]) => ChildProcessWithoutNullStreams,
  scope: string[],
  patterns: string[],
): Promise<string[]> {
  if (!patterns.length) return [];
  const args = ['grep', ...scope, '-l', '-z', '-F', '-f', '-'];
  const r = await collect(spawnGit(args), patterns.join('\n') + '\n');
  if (r.error) throw toGitError(r.error, args);
  // git grep exits 1 when nothing matched (and says nothing on stderr).
  if (r.code !== 0 && !(r.code === 1 && !r.err.length)) throw toGitError(new Error(r.err.toString('utf8')), args);
  return nulItems(r.out.toString('utf8'));
}
