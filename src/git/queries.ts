/** Typed questions to git that take one call each; their output is parsed here or in parse-lists.ts beside it. */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from './index';
import { lines, nulItems, objectIds, parseLsRemote, parseLsTree, type TreeEntry } from './parse-lists';

/** The commits `revs` select (and `stdinRevs`: any number, one a line, "^sha" to exclude, fed on stdin). */
export async function revList(git: Git, revs: string[], stdinRevs?: string[]): Promise<string[]> {
  const out = stdinRevs
    ? await git.run(['rev-list', ...revs, '--stdin', '--'], stdinRevs.join('\n') + '\n')
    : await git.raw(['rev-list', ...revs, '--']);
  return objectIds(out);
}

/** The commits a shallow clone's history is cut at (none in a full clone). */
export async function shallowCommits(git: Git): Promise<string[]> {
  const file = path.join(await gitPath(git, '--git-common-dir'), 'shallow');
  return fs.existsSync(file) ? objectIds(fs.readFileSync(file, 'utf8')) : [];
}

export async function countCommits(git: Git, revs: string[]): Promise<number> {
  return Number((await git.raw(['rev-list', '--count', ...revs, '--'])).trim()) || 0;
}

/** An absolute path from `rev-parse --path-format=absolute` (`--git-common-dir`, `--git-path hooks`). */
export async function gitPath(git: Git, ...what: string[]): Promise<string> {
  return (await git.raw(['rev-parse', '--path-format=absolute', ...what])).trim();
}

/** One config value as git resolves it, or undefined when it is not set. */
export async function configValue(git: Git, key: string): Promise<string | undefined> {
  return (await git.tryRaw(['config', '--', key]))?.trim() || undefined;
}

export const remotes = async (git: Git): Promise<string[]> => lines(await git.raw(['remote']));

/** The URL a remote fetches from (its first), or null when it has none. */
export async function remoteUrl(git: Git, remote: string): Promise<string | null> {
  return (await git.tryRaw(['remote', 'get-url', '--', remote]))?.split('\n')[0] || null;
}

/** Every URL a push to `remote` goes to. */
export async function remotePushUrls(git: Git, remote: string): Promise<string[]> {
  return lines((await git.tryRaw(['remote', 'get-url', '--push', '--all', '--', remote])) ?? '');
}

/**
 * The object ids the refs of `target` (a URL or remote name) point at, asked over the network; null when it
 * cannot be listed. Through run(): no terminal prompt for credentials (GIT_TERMINAL_PROMPT=0).
 */
export async function lsRemote(git: Git, target: string): Promise<string[] | null> {
  if (!target || target.startsWith('-')) return null;
  const out = await git.run(['ls-remote', '--', target], '').catch(() => null);
  return out === null ? null : parseLsRemote(out);
}

/** The newest remote-tracking tips first. */
export async function remoteTips(git: Git): Promise<string[]> {
  return objectIds((await git.tryRaw(['for-each-ref', '--sort=-committerdate', '--format=%(objectname)', 'refs/remotes'])) ?? '');
}

/** Whether .gitignore and the like exclude `rel` (a path from the root). check-ignore prints it when it is ignored. */
export async function isIgnored(git: Git, rel: string): Promise<boolean> {
  return !!(await git.tryRaw(['check-ignore', '--', rel || '.']))?.trim();
}

/** Tracked and untracked, not ignored files under `pathspec`, as paths from the root (git runs at the root). */
export async function workTreeFiles(git: Git, pathspec: string): Promise<string[]> {
  return nulItems(await git.raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', pathspec]));
}

/** Every entry of a tree, recursively. */
export async function lsTree(git: Git, treeish: string): Promise<TreeEntry[]> {
  return parseLsTree(await git.raw(['ls-tree', '-r', '-z', '--full-tree', treeish]));
}
