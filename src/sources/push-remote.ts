/**
 * What the remote of a push already has, so that only new commits are scanned. A named remote: its
 * remote-tracking refs. A URL (no named remote): the refs the remote itself lists (`git ls-remote`)
 * that this repository knows; if the remote cannot be asked, every remote-tracking ref, with a notice.
 */
import type { Git } from '../git';
import type { Notice } from './fragment';
import { objectTypes } from './blob/read-objects';

/** `args` go to rev-list before --stdin ("--not --remotes=origin"); `exclude` are object ids to subtract (fed on stdin). */
export interface RemoteBase { args: string[]; exclude: string[] }

export async function remoteBase(git: Git, remote: string, notices: Notice[]): Promise<RemoteBase> {
  const names = (await git.raw(['remote'])).split('\n').filter(Boolean);
  if (names.includes(remote)) return { args: ['--not', `--remotes=${remote}`], exclude: [] };
  // Through run(): no terminal prompt for credentials (GIT_TERMINAL_PROMPT=0); any failure means "unknown".
  const listed = remote.startsWith('-') ? null : await git.run(['ls-remote', remote], '').catch(() => null);
  if (listed === null) {
    notices.push({ file: remote, reason: 'could not list this remote\'s refs: commits on any remote-tracking ref were taken as already there' });
    return { args: ['--not', '--remotes'], exclude: [] };
  }
  const shas = [...new Set(listed.split('\n').map((l) => l.split('\t')[0]).filter((s) => /^[0-9a-f]{40,64}$/.test(s)))];
  const types = await objectTypes(git, shas);
  return { args: [], exclude: shas.filter((_, i) => types[i] !== null) };
}
