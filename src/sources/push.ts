/**
 * The pre-push source. git gives the hook one line per ref on stdin:
 * "<local ref> <local sha> <remote ref> <remote sha>". For each, this works out the commits the remote
 * does not have yet and scans their added lines and messages, plus the text of annotated tags. It fails
 * closed: a missing object or a shallow boundary inside the range stops the push with an explanation.
 * Commit lists go to git on stdin, never on the command line (a push of 60k commits would not fit).
 */
import fs from 'node:fs';
import type { Git } from '../git';
import { UserError } from '../errors';
import { frameworkPushLine, isZeroSha, parsePushLines, sendsObjects, type PushUpdate } from '../git/parse-pre-push';
import type { Emit, Notice, SourceStats } from './fragment';
import { historySource } from './history';
import { scanTagObjects, scanTargetContent, type Target } from './push-tags';
import { remoteBase } from './push-remote';
import { nameLines } from './name-lines';
import { scanCommitObjects } from './commit-objects';
import { LFS_HEADER, lfsPointerOf, type LfsPointer } from './lfs';
import { scanLfsObjects } from './lfs-objects';

/** What each update sends at its tip: a commit, or (a tag of) a blob or tree; annotated tags are scanned on the way. */
async function resolveTips(git: Git, updates: PushUpdate[], emit: Emit, notices: Notice[]): Promise<Array<Target | null>> {
  const types = await git.objectTypes(updates.map((u) => u.localSha));
  types.forEach((t, i) => {
    if (!t) throw new UserError(`the object being pushed (${updates[i].localSha.slice(0, 12)}) is not in this repository.`);
  });
  const tips: Array<Target | null> = updates.map((u, i) => ({ sha: u.localSha, type: types[i]! }));
  const tagIdx = tips.flatMap((t, i) => (t!.type === 'tag' ? [i] : []));
  const targets = await scanTagObjects(
    git,
    tagIdx.map((i) => updates[i].localSha),
    emit,
    notices,
  );
  tagIdx.forEach((i, k) => (tips[i] = targets[k]));
  return tips;
}

async function checkRemoteShas(git: Git, updates: PushUpdate[], remote: string): Promise<void> {
  const known = updates.filter((u) => !isZeroSha(u.remoteSha));
  const types = await git.objectTypes(known.map((u) => u.remoteSha));
  types.forEach((t, i) => {
    if (t) return;
    const u = known[i];
    throw new UserError(
      `the remote's ${u.remoteRef} is at ${u.remoteSha.slice(0, 12)}, which this repository does not have, so leakguard cannot tell which commits are new.`,
      `Run \`git fetch ${remote}\` and push again.`,
    );
  });
}

/**
 * Whether our stdin is a pipe or a socket, as git gives a hook (git runs the hook with empty input when
 * everything is up to date). /dev/null, a terminal or a file means something between git and us dropped
 * git's lines, so "empty" says nothing. The installed hook passes LEAKGUARD_STDIN_PIPE=0 when its own stdin was not a pipe.
 */
export function stdinIsPipe(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.LEAKGUARD_STDIN_PIPE === '0') return false;
  try {
    const st = fs.fstatSync(0);
    return st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/** The update lines: git's, or the pre-commit framework's; none at all is only believed when they came through a pipe from git. */
function readUpdates(stdin: string, fromPipe: boolean): PushUpdate[] {
  const text = stdin.trim() ? stdin : frameworkPushLine(process.env);
  if (!text.trim() && !fromPipe) {
    throw new UserError(
      'no pre-push lines on stdin (and stdin is not a pipe from git), so leakguard cannot tell what is being pushed.',
      'Run it from the pre-push hook with git\'s stdin passed through (lefthook: use_stdin: true), or pipe the "<local ref> <local sha> <remote ref> <remote sha>" lines in.',
    );
  }
  return parsePushLines(text);
}

/** Ref names leave with the push: a key in a branch or tag name is scanned like a line. */
function emitRefNames(updates: PushUpdate[], emit: Emit): void {
  const names = [...new Set(updates.flatMap((u) => [u.remoteRef, u.localRef]))];
  const lines = names.flatMap((n) => nameLines(n));
  const numbers = names.flatMap((n, i) => nameLines(n).map(() => i + 1));
  if (names.length) emit({ file: '<pushed ref name>', lines, lineNumbers: numbers });
}

export interface PushTarget {
  remote: string;
  url?: string;
  fromPipe?: boolean;
}

export async function pushSource(
  git: Git,
  stdin: string,
  target: string | PushTarget,
  emit: Emit,
  notices: Notice[] = [],
  onCommits?: (shas: string[]) => void,
): Promise<SourceStats> {
  const { remote, url, fromPipe = true } = typeof target === 'string' ? { remote: target } : target;
  const all = readUpdates(stdin, fromPipe);
  const updates = all.filter(sendsObjects);
  const total: SourceStats = { filesScanned: 0, linesScanned: 0, commitsScanned: 0 };
  if (!updates.length) return total;
  emitRefNames(updates, emit);
  await checkRemoteShas(git, updates, remote);
  const tips = await resolveTips(git, updates, emit, notices);
  const content = tips.flatMap((t, i) => (t && t.type !== 'commit' ? [{ ...t, name: updates[i].remoteRef }] : []));
  total.linesScanned += await scanTargetContent(git, content, emit, notices);

  const base = await remoteBase(git, remote, notices, url);
  const boundary = new Set(await git.shallowCommits());
  const seen = new Set<string>();
  const commits: string[] = [];
  for (const [i, u] of updates.entries()) {
    const tip = tips[i];
    if (!tip || tip.type !== 'commit') continue;
    // An update or a force push: what is reachable from the new tip but not from the old one, nor from anything the remote has.
    const stdinRevs = [tip.sha, ...(isZeroSha(u.remoteSha) ? [] : [`^${u.remoteSha}`]), ...base.exclude.map((s) => `^${s}`)];
    const fresh = (await git.revList(base.args, stdinRevs)).filter((c) => !seen.has(c));
    const cut = fresh.find((c) => boundary.has(c));
    if (cut) {
      throw new UserError(
        `this is a shallow clone and the push reaches its cut-off commit ${cut.slice(0, 12)}, so leakguard cannot tell what is new.`,
        'Run `git fetch --unshallow` (or fetch enough history) and push again.',
      );
    }
    for (const c of fresh) {
      seen.add(c);
      commits.push(c);
    }
  }
  if (!commits.length) return total;
  onCommits?.(commits);
  await scanCommitObjects(git, commits, emit, notices);
  // Scan exactly the listed commits: --no-walk keeps git log from walking past them.
  // A valid LFS pointer is still scanned as text; its local object (which git-lfs uploads with the push) is scanned too.
  const pointers: LfsPointer[] = [];
  const watch: Emit = (f) => {
    const p = f.lines[0] === LFS_HEADER ? lfsPointerOf(f) : null;
    if (p) pointers.push(p);
    emit(f);
  };
  const stats = await historySource(git, { revs: ['--no-walk=unsorted'], stdinRevs: commits }, watch, { notices });
  await scanLfsObjects(git, pointers, emit, notices);
  total.filesScanned += stats.filesScanned;
  total.linesScanned += stats.linesScanned;
  total.commitsScanned += stats.commitsScanned;
  return total;
}
