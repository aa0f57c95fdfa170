/**
 * The commit sources: the lines added by a set of commits, read from one streaming `git log -p`, and
 * each commit's message. Used by --all-history (every ref), --range A..B and, through push.ts, --pre-push.
 * Merges are shown as dense combined diffs, so a conflict resolution is scanned and nothing else of it.
 * What git shows as "Binary files differ" is read from the blob afterwards (blob/read-blobs.ts); root
 * commits always show their diff (--root) and replace refs are off (git.ts), whatever the user's config.
 */
import type { Git } from '../git';
import { HISTORY_FORMAT, PatchParser, type BinaryBlob } from '../diff/patch-parser';
import type { CommitInfo, Emit, Notice, SourceStats } from './fragment';
import { scanBlobs } from './blob/read-blobs';

const LOG_ARGS = [
  'log',
  '-p',
  '-U0',
  '--cc',
  '--root',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-renames',
  '--full-index',
  '--no-notes',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  HISTORY_FORMAT,
];

export interface HistoryInput {
  /** rev-list arguments: ["--all"], ["A..B"], ["--no-walk=unsorted"]. */
  revs: string[];
  /** Revisions fed on stdin (one a line, "^sha" to exclude): any number, never on the command line. */
  stdinRevs?: string[];
}

export async function historySource(
  git: Git,
  input: HistoryInput | string[],
  emit: Emit,
  onCommit?: (c: CommitInfo) => void,
  notices: Notice[] = [],
): Promise<SourceStats> {
  const { revs, stdinRevs } = Array.isArray(input) ? { revs: input, stdinRevs: undefined } : input;
  const binaries: BinaryBlob[] = [];
  const parser = new PatchParser(emit, onCommit, (b) => binaries.push(b));
  const args = [...LOG_ARGS, ...revs, ...(stdinRevs ? ['--stdin'] : []), '--'];
  await git.stream(args, (d) => parser.feed(d), stdinRevs ? stdinRevs.join('\n') + '\n' : '');
  parser.end();
  const blobs = await scanBlobs(git, binaries, emit, notices);
  return { filesScanned: parser.files, linesScanned: parser.lineCount + blobs.lines, commitsScanned: parser.commits };
}

/** The commits `revs` (and `stdinRevs`) select, for progress and for the shallow-clone check. */
export async function listCommits(git: Git, revs: string[], stdinRevs?: string[]): Promise<string[]> {
  const out = stdinRevs
    ? await git.run(['rev-list', ...revs, '--stdin', '--'], stdinRevs.join('\n') + '\n')
    : await git.raw(['rev-list', ...revs, '--']);
  return out.split('\n').filter(Boolean);
}
