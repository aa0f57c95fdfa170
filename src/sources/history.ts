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
import type { Probe } from './source';
import { cacheFile, cacheOff, openCleanCommits, rememberClean, type CleanCommits, type Remembered } from './history-cache';
import fs from 'node:fs';
import path from 'node:path';
import { scanBlobs } from './blob/read-blobs';
import { smallFragmentFinds } from './triage-judges';
import { scanCommitObjects } from './commit-objects';
import { ShaList } from './sha-list';

/**
 * git processes for a whole history: one, unless LEAKGUARD_GIT_PROCESSES asks for more. Splitting the
 * commits between processes (git/log-batches.ts) was measured slower on the two-core machine this was
 * built on: each process rebuilds the trees the previous one had cached (about 20% more git time) and
 * the scan needs the second core (bench/history.mjs prints both).
 */
function gitProcesses(): number {
  const set = Number(process.env.LEAKGUARD_GIT_PROCESSES);
  return Number.isInteger(set) && set > 0 ? Math.min(set, 16) : 1;
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

export interface HistoryOptions {
  onCommit?: (c: CommitInfo) => void;
  notices?: Notice[];
  /** Given for a walk: a first pass (history-triage.ts) picks the commits worth reading as patches. */
  probe?: Probe;
}

/** LEAKGUARD_HISTORY=patches reads every commit of a walk as a patch, the reference the first pass is tested against. */
const readsEveryPatch = () => process.env.LEAKGUARD_HISTORY === 'patches';

export async function historySource(git: Git, input: HistoryInput | string[], emit: Emit, opts: HistoryOptions = {}): Promise<SourceStats> {
  const { revs, stdinRevs } = Array.isArray(input) ? { revs: input, stdinRevs: undefined } : input;
  const { onCommit, notices = [], probe } = opts;
  if (stdinRevs) return everyPatch(git, { revs, stdinRevs }, emit, notices, onCommit);
  const gitDir = await git.gitDir().catch(() => null);
  // A shallow clone has no history before its boundary, and its boundary commits show their whole tree as
  // added until it is deepened: what they showed depends on more than their ids, so nothing is remembered.
  const shallow = gitDir !== null && fs.existsSync(path.join(gitDir, 'shallow'));
  if (shallow) notices.push({ ...SHALLOW });
  if (!probe || readsEveryPatch()) return everyPatch(git, { revs }, emit, notices, onCommit);
  const memory = gitDir === null || shallow ? undefined : remember(gitDir, probe);
  const done = await triagedHistory(git, revs, emit, probe, notices, onCommit, memory);
  if (done) return done;
  // Mostly edits of existing files (history-triage.ts): every patch is read, and what is clean remembered.
  return everyPatch(git, { revs }, emit, notices, onCommit, { probe, clean: await memory?.clean });
}

/** While every patch is read: which commits showed nothing, to be remembered as clean (history-cache.ts). */
interface Recording {
  probe: Probe;
  clean?: CleanCommits;
}

/** Every commit read as a patch, in one pass (the reference reader; pushes; histories of mostly edits). */
async function everyPatch(
  git: Git,
  { revs, stdinRevs }: HistoryInput,
  emit: Emit,
  notices: Notice[],
  onCommit?: (c: CommitInfo) => void,
  recording?: Recording,
): Promise<SourceStats> {
  const binaries: BinaryBlob[] = [];
  // A walk (--all-history, --range) reads the raw commit objects afterwards: the bytes `%B` does not show
  // (names, extra headers, a message cut at a NUL or in UTF-16). A push reads them itself, first (push.ts).
  const commits = stdinRevs ? undefined : new ShaList();
  const seen = (c: CommitInfo) => {
    commits?.push(c.sha);
    onCommit?.(c);
  };
  const dirty = new Set<string>();
  const clean = recording?.clean;
  const watch: Emit = clean
    ? (f) => {
        const sha = f.commit?.sha;
        if (sha && !dirty.has(sha) && smallFragmentFinds(recording.probe, f)) dirty.add(sha);
        emit(f);
      }
    : emit;
  const parser = new PatchParser(watch, seen, (b) => binaries.push(b));
  const feed = (d: Buffer) => parser.feed(d);
  if (stdinRevs) await git.stream([...LOG_ARGS, ...revs, '--stdin', '--'], feed, stdinRevs.join('\n') + '\n');
  else await git.streamLog(revs, LOG_ARGS, gitProcesses(), feed);
  parser.end();
  if (commits) for (const slice of commits.slices()) await scanCommitObjects(git, slice, watch, notices);
  const blobs = await scanBlobs(git, binaries, watch, notices);
  // A commit with something git could not read is never remembered: nothing is, then.
  if (clean && commits && !notices.some((n) => n.unscanned)) rememberClean(clean, commits, dirty);
  return { filesScanned: parser.files, linesScanned: parser.lineCount + blobs.lines, commitsScanned: parser.commits };
}

/**
 * A walk in two passes: the first (history-triage.ts) reads every new blob and commit object once, with no
 * diff, and keeps the commits that hold anything; the second reads only those as patches, in the walk's
 * order, exactly as above. The findings, their commits and their order are the same as reading every patch.
 */
async function triagedHistory(
  git: Git,
  revs: string[],
  emit: Emit,
  probe: Probe,
  notices: Notice[],
  onCommit: ((c: CommitInfo) => void) | undefined,
  memory: Remembered | undefined,
): Promise<SourceStats | null> {
  const { triageHistory } = await import('./history-triage');
  const t = await triageHistory(git, revs, probe, notices, onCommit, memory);
  if (!t) return null;
  const binaries: BinaryBlob[] = [];
  const parser = new PatchParser(emit, undefined, (b) => binaries.push(b));
  if (t.commits.length)
    await git.stream([...LOG_ARGS, '--no-walk=unsorted', '--stdin', '--'], (d) => parser.feed(d), t.commits.join('\n') + '\n');
  parser.end();
  for (const f of t.later) emit(f);
  await scanBlobs(git, binaries, emit, notices);
  return {
    filesScanned: t.files,
    linesScanned: t.lines,
    commitsScanned: t.commitsSeen,
    ...(t.commitsKnown ? { commitsKnownClean: t.commitsKnown } : {}),
  };
}

/** What earlier audits judged clean under the same signature (history-cache.ts); nothing when turned off. */
function remember(dir: string, probe: Probe): Remembered | undefined {
  if (cacheOff()) return undefined;
  const clean = new Promise<CleanCommits | undefined>((resolve) => {
    // The signature builds the engine: after git has started.
    setImmediate(() => {
      try {
        const signature = probe.signature();
        resolve(signature ? openCleanCommits(dir, signature) : undefined);
      } catch {
        resolve(undefined); // the engine itself failed to build: the scan says so where it uses it
      }
    });
  });
  return { exists: fs.existsSync(cacheFile(dir)), clean };
}

/** An audit of a shallow clone says so (the exit code is still its findings'). */
const SHALLOW: Notice = {
  file: '(history)',
  reason: 'this clone is shallow: commits before its boundary were not audited (git fetch --unshallow, then audit again)',
};
