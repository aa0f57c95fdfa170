/**
 * What the remote of a push already has, so that only new commits are scanned. A named remote whose push
 * URL is the URL its remote-tracking refs were fetched from: those refs. Otherwise (a URL, or a pushurl /
 * second url that differs from the fetch URL) the refs the push target itself lists (`git ls-remote`)
 * that this repository knows. If the target cannot be asked: for a plain URL every remote-tracking ref,
 * for a named remote nothing (the whole pushed range is scanned), each with a notice.
 */
import type { Git } from '../git';
import type { Notice } from './fragment';
import { objectTypes } from './blob/read-objects';

/** `args` go to rev-list before --stdin ("--not --remotes=origin"); `exclude` are object ids to subtract (fed on stdin). */
export interface RemoteBase {
  args: string[];
  exclude: string[];
}

/** Whether pushing to `url` (git's second hook argument; the remote's push URL when absent) goes where `remote`'s tracking refs came from. */
async function pushGoesToFetchUrl(git: Git, remote: string, url?: string): Promise<boolean> {
  const fetchUrl = (await git.tryRaw(['remote', 'get-url', remote]))?.split('\n')[0];
  if (!fetchUrl) return false;
  if (url !== undefined) return url === fetchUrl;
  const pushUrls = (await git.tryRaw(['remote', 'get-url', '--push', '--all', remote]))?.split('\n').filter(Boolean) ?? [];
  return pushUrls.length > 0 && pushUrls.every((u) => u === fetchUrl);
}

export async function remoteBase(git: Git, remote: string, notices: Notice[], url?: string): Promise<RemoteBase> {
  const names = (await git.raw(['remote'])).split('\n').filter(Boolean);
  const named = names.includes(remote);
  if (named && (await pushGoesToFetchUrl(git, remote, url))) return { args: ['--not', `--remotes=${remote}`], exclude: [] };
  const target = named ? url : remote;
  // Through run(): no terminal prompt for credentials (GIT_TERMINAL_PROMPT=0); any failure means "unknown".
  const listed = !target || target.startsWith('-') ? null : await git.run(['ls-remote', '--', target], '').catch(() => null);
  if (listed === null && named) {
    notices.push({
      file: remote,
      reason:
        'the push goes to a URL other than the one the remote-tracking refs came from, and it could not be listed: every pushed commit was scanned',
    });
    return { args: [], exclude: [] };
  }
  if (listed === null) {
    notices.push({
      file: remote,
      reason: "could not list this remote's refs: commits on any remote-tracking ref were taken as already there",
    });
    return { args: ['--not', '--remotes'], exclude: [] };
  }
  const shas = [
    ...new Set(
      listed
        .split('\n')
        .map((l) => l.split('\t')[0])
        .filter((s) => /^[0-9a-f]{40,64}$/.test(s)),
    ),
  ];
  const types = await objectTypes(git, shas);
  return { args: [], exclude: shas.filter((_, i) => types[i] !== null) };
}
