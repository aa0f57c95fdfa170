/**
 * The commit sources: the lines added by a set of commits, read from one streaming `git log -p`, and
 * each commit's message. Used by --all-history (every ref), --range A..B and, through push.ts, --pre-push.
 * Merges are shown as dense combined diffs, so a conflict resolution is scanned and nothing else of it.
 * What git shows as "Binary files differ" is read from the blob afterwards (blob/read-blobs.ts); root
 * commits always show their diff (--root) and replace refs are off (git.ts), whatever the user's config.
 */
import os from 'node:os';
import type { Git } from '../git';
import { HISTORY_FORMAT, PatchParser, type BinaryBlob } from '../diff/patch-parser';
import type { CommitInfo, Emit, Notice, SourceStats } from './fragment';
import { scanBlobs } from './blob/read-blobs';

/**
 * git processes for a whole history: one per core but the one this thread scans on, up to four
 * (LEAKGUARD_GIT_PROCESSES sets it). On two cores one git and this thread each have a core: splitting
 * git there costs more (each process rebuilds its own trees) than it gains.
 */
function gitProcesses(): number {
  const set = Number(process.env.LEAKGUARD_GIT_PROCESSES);
  if (Number.isInteger(set) && set > 0) return Math.min(set, 16);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores - 1));
}

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

export interface LogResult {
  stats: SourceStats;
  /** What git showed as binary: read from the blob afterwards (scanBlobs), after every commit's lines. */
  binaries: BinaryBlob[];
}

/** The `git log -p` half of historySource: every commit's added lines and message, binaries set aside. */
export async function historyLog(git: Git, input: HistoryInput, emit: Emit, onCommit?: (c: CommitInfo) => void): Promise<LogResult> {
  const { revs, stdinRevs } = input;
  const binaries: BinaryBlob[] = [];
  const parser = new PatchParser(emit, onCommit, (b) => binaries.push(b));
  const feed = (d: Buffer) => parser.feed(d);
  const processes = gitProcesses();
  if (stdinRevs) await git.stream([...LOG_ARGS, ...revs, '--stdin', '--'], feed, stdinRevs.join('\n') + '\n');
  // Asked for by count: split however short the history (by default a short one is left whole).
  else await git.streamLog(revs, LOG_ARGS, processes, feed, process.env.LEAKGUARD_GIT_PROCESSES ? 1 : undefined);
  parser.end();
  return { stats: { filesScanned: parser.files, linesScanned: parser.lineCount, commitsScanned: parser.commits }, binaries };
}

/** Adds what the binary blobs held to a log's stats, after scanning them through `emit`. */
export async function finishWithBlobs(git: Git, log: LogResult, emit: Emit, notices: Notice[]): Promise<SourceStats> {
  const blobs = await scanBlobs(git, log.binaries, emit, notices);
  return { ...log.stats, linesScanned: log.stats.linesScanned + blobs.lines };
}

export async function historySource(
  git: Git,
  input: HistoryInput | string[],
  emit: Emit,
  onCommit?: (c: CommitInfo) => void,
  notices: Notice[] = [],
): Promise<SourceStats> {
  const log = await historyLog(git, Array.isArray(input) ? { revs: input } : input, emit, onCommit);
  return finishWithBlobs(git, log, emit, notices);
}
