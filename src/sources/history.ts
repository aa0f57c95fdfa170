/**
 * The commit sources: the lines added by a set of commits, read from one streaming `git log -p`.
 * Used by --all-history (every ref), --range A..B and, through push.ts, --pre-push.
 * Merges are shown as dense combined diffs, so a conflict resolution is scanned and nothing else of it.
 */
import type { Git } from '../git';
import { COMMIT_MARK, PatchParser } from '../diff/patch-parser';
import type { CommitInfo, Emit, SourceStats } from './fragment';

const FORMAT = `--format=${COMMIT_MARK.replace(/\x01/g, '%x01')}%H%x01%an <%ae>%x01%aI`;

/** `revs` are rev-list arguments: ["--all"], ["A..B"], ["<sha>", "--not", "--remotes=origin"]. */
export async function historySource(git: Git, revs: string[], emit: Emit, onCommit?: (c: CommitInfo) => void): Promise<SourceStats> {
  const parser = new PatchParser(emit, onCommit);
  const args = ['log', '-p', '-U0', '--cc', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/', FORMAT, ...revs, '--'];
  await git.stream(args, (d) => parser.feed(d));
  parser.end();
  return { filesScanned: parser.files, linesScanned: parser.lineCount, commitsScanned: parser.commits };
}

/** Number of commits `revs` selects (for progress and for the shallow-clone check). */
export async function listCommits(git: Git, revs: string[]): Promise<string[]> {
  const out = await git.raw(['rev-list', ...revs, '--']);
  return out.split('\n').filter(Boolean);
}
