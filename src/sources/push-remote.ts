/**
 * What the remote of a push already has, so that only new commits are scanned. A named remote whose push
 * URL is the URL its remote-tracking refs were fetched from: those refs. Otherwise (a URL, or a pushurl /
 * second url that differs from the fetch URL) the refs the push target itself lists (`git ls-remote`)
 * that this repository knows. If the target cannot be asked: for a plain URL every remote-tracking ref,
 * for a named remote nothing (the whole pushed range is scanned), each with a notice.
 */
import type { Git } from '../git';
import type { Notice } from './fragment';

/** `args` go to rev-list before --stdin ("--not --remotes=origin"); `exclude` are object ids to subtract (fed on stdin). */
export interface RemoteBase {
  args: string[];
  exclude: string[];
}

/** Whether pushing to `url` (git's second hook argument; the remote's push URL when absent) goes where `remote`'s tracking refs came from. */
async function pushGoesToFetchUrl(git: Git, remote: string, url?: string): Promise<boolean> {
  const fetchUrl = await git.remoteUrl(remote);
  if (!fetchUrl) return false;
  if (url !== undefined) return url === fetchUrl;
  const pushUrls = await git.remotePushUrls(remote);
  return pushUrls.length > 0 && pushUrls.every((u) => u === fetchUrl);
}

export async function remoteBase(git: Git, remote: string, notices: Notice[], url?: string): Promise<RemoteBase> {
  const named = (await git.remotes()).includes(remote);
  if (named && (await pushGoesToFetchUrl(git, remote, url))) return { args: ['--not', `--remotes=${remote}`], exclude: [] };
  const target = named ? url : remote;
  // Any failure (no network, credentials it may not prompt for) means "unknown".
  const listed = target ? await git.lsRemote(target) : null;
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
  const types = await git.objectTypes(listed);
  return { args: [], exclude: listed.filter((_, i) => types[i] !== null) };
}
