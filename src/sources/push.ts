/**
 * The pre-push source. git gives the hook one line per ref on stdin:
 * "<local ref> <local sha> <remote ref> <remote sha>". For each, this works out the commits the remote
 * does not have yet and scans their added lines. It fails closed: a missing object or a shallow boundary
 * inside the range stops the push with an explanation instead of passing it unscanned.
 */
import fs from 'node:fs';
import type { Git } from '../git';
import { UserError } from '../errors';
import type { Emit, SourceStats } from './fragment';
import { historySource, listCommits } from './history';

const ZERO = /^0+$/;

export interface PushUpdate { localRef: string; localSha: string; remoteRef: string; remoteSha: string }

export function parsePushLines(input: string): PushUpdate[] {
  return input.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [localRef, localSha, remoteRef, remoteSha] = l.split(/\s+/);
    if (!remoteSha || l.split(/\s+/).length !== 4) {
      throw new UserError(`unexpected pre-push input line: "${l}"`, 'git passes "<local ref> <local sha> <remote ref> <remote sha>" lines on stdin; run this from the pre-push hook.');
    }
    return { localRef, localSha, remoteRef, remoteSha };
  });
}

async function objectExists(git: Git, sha: string): Promise<boolean> {
  return (await git.tryRaw(['cat-file', '-e', `${sha}^{commit}`])) !== null;
}

/** The rev-list arguments for what one ref update sends, or null when it sends no commits. */
export async function revsForUpdate(git: Git, u: PushUpdate, remote: string, isNamedRemote: boolean): Promise<string[] | null> {
  if (ZERO.test(u.localSha)) return null; // deleting a ref sends nothing
  if (!(await objectExists(git, u.localSha))) throw new UserError(`the commit being pushed (${u.localSha.slice(0, 12)}) is not in this repository.`);
  if (!ZERO.test(u.remoteSha)) {
    if (!(await objectExists(git, u.remoteSha))) {
      throw new UserError(
        `the remote's ${u.remoteRef} is at ${u.remoteSha.slice(0, 12)}, which this repository does not have, so leakguard cannot tell which commits are new.`,
        `Run \`git fetch ${remote}\` and push again.`,
      );
    }
    // An update or a force push: what is reachable from the new tip but not from the old one, nor from anything the remote already has.
    return [u.localSha, '--not', u.remoteSha, isNamedRemote ? `--remotes=${remote}` : '--remotes'];
  }
  // A new ref: only the commits that no ref of that remote has yet.
  return [u.localSha, '--not', isNamedRemote ? `--remotes=${remote}` : '--remotes'];
}

function shallowBoundary(gitDir: string): Set<string> {
  try {
    return new Set(fs.readFileSync(`${gitDir}/shallow`, 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
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

export async function pushSource(git: Git, stdin: string, remote: string, emit: Emit, onCommits?: (shas: string[]) => void): Promise<SourceStats> {
  const updates = parsePushLines(stdin.trim() ? stdin : frameworkPushLine(process.env));
  const remotes = (await git.raw(['remote'])).split('\n').filter(Boolean);
  const isNamedRemote = remotes.includes(remote);
  const total: SourceStats = { filesScanned: 0, linesScanned: 0, commitsScanned: 0 };
  const gitDir = (await git.raw(['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim();
  const boundary = shallowBoundary(gitDir);
  const seen = new Set<string>();
  for (const u of updates) {
    const revs = await revsForUpdate(git, u, remote, isNamedRemote);
    if (!revs) continue;
    const commits = (await listCommits(git, revs)).filter((c) => !seen.has(c));
    const cut = commits.find((c) => boundary.has(c));
    if (cut) {
      throw new UserError(
        `this is a shallow clone and the push reaches its cut-off commit ${cut.slice(0, 12)}, so leakguard cannot tell what is new.`,
        'Run `git fetch --unshallow` (or fetch enough history) and push again.',
      );
    }
    if (!commits.length) continue;
    commits.forEach((c) => seen.add(c));
    onCommits?.(commits);
    // Scan exactly the listed commits: --no-walk keeps git log from walking past them.
    const stats = await historySource(git, ['--no-walk=unsorted', ...commits], emit);
    total.filesScanned += stats.filesScanned;
    total.linesScanned += stats.linesScanned;
    total.commitsScanned += stats.commitsScanned;
  }
  return total;
}
