/**
 * The only module (with the files beside it in src/git/) that runs git. Ordinary calls go through simple-git;
 * typed queries (repoRoot, stagedEntries, revList, remotes, isIgnored...) parse git's output in the files beside.
 * Two kinds of call spawn git directly, here (stream, run), with an environment no replace ref, graft or
 * outside diff option can change: object and commit lists go on stdin (`cat-file --batch`, `rev-list --stdin`;
 * a command line has a size limit, E2BIG), which simple-git cannot give; and a `git log -p` is read as a stream.
 * simple-git's outputHandler does see the stream, but simple-git still keeps every chunk to resolve with the
 * whole output: bench/git-stream.mjs, 37 MB of `git log -p`, outputHandler / direct spawn: time 1.07x, peak RSS
 * 2.77x (168 MB vs 61 MB, growing with the history), so a multi-gigabyte history would break the 200 MB goal.
 */
import { spawn } from 'node:child_process';
import type { SimpleGit } from 'simple-git';
import { collect } from './process';
import { inOrder } from './in-order';
import type { BatchHandler } from './cat-file';
import type { RawLogHandler } from './parse-raw-log';
import { toGitError, isMissingGit } from './git-error';
import { commonGitDir, findRepoRoot, findRepoRootOrNull } from './repo-root';
import { stagedEntries } from './staged-diff';
import { GLOBAL_FLAGS, SAFE_CONFIG, gitEnv, simpleGitEnv } from './env';

export { gitEnv } from './env';

export { runProcess, type ProcessResult } from './process';
export type { RawEntry } from './parse-raw-diff';
export type { TreeEntry } from './parse-lists';
export type { BatchHandler, GitObject } from './cat-file';

// Loaded on first use: a clean commit needs none of them, and the commit path pays for every module it loads.
const q = (): typeof import('./queries') => require('./queries');
const objects = (): typeof import('./cat-file') => require('./cat-file');
const grep = (): typeof import('./grep') => require('./grep');
const rawLog = (): typeof import('./parse-raw-log') => require('./parse-raw-log');
const pushed = (): typeof import('./pushed') => require('./pushed');

/** A git process whose stdin stays open (see Git.pipe). */
export interface GitPipe {
  write(text: string): void;
  end(): Promise<void>;
  /** Settles when git exits (rejects on a failure), whether or not `end` was called. */
  done: Promise<void>;
}

export class Git {
  private client?: SimpleGit;
  constructor(readonly cwd: string) {}

  private sg(): SimpleGit {
    if (!this.client) {
      // Loaded on first use: `scan PATH` and `scan --stdin` outside a repo never pay for it.
      const { simpleGit } = require('simple-git') as typeof import('simple-git');
      // GIT_CONFIG_GLOBAL/SYSTEM and GIT_EXEC_PATH are the user's own, kept as git would read them.
      this.client = simpleGit({
        baseDir: this.cwd,
        config: SAFE_CONFIG,
        trimmed: false,
        completion: { onClose: true, onExit: 0 },
        unsafe: { allowUnsafeConfigPaths: true },
      }).env(simpleGitEnv());
    }
    return this.client;
  }

  /** Runs git and returns stdout; any failure becomes a GitError with git's own words. */
  async raw(args: string[]): Promise<string> {
    try {
      return await this.sg().raw([...GLOBAL_FLAGS, ...args]);
    } catch (e) {
      throw toGitError(e, args);
    }
  }

  /**
   * Like raw, but a failure that git reports on stderr gives null instead of an error (for questions such
   * as "does this object exist?"). simple-git resolves a non-zero exit with nothing on stderr, so callers
   * must judge by the output, not by null alone.
   */
  async tryRaw(args: string[]): Promise<string | null> {
    try {
      return await this.sg().raw([...GLOBAL_FLAGS, ...args]);
    } catch (e) {
      if (isMissingGit(e)) throw toGitError(e, args);
      return null;
    }
  }

  /** Runs git with `input` on stdin and returns stdout. */
  async run(args: string[], input: string): Promise<string> {
    const r = await collect(this.spawn(args), input);
    if (r.error) throw toGitError(r.error, args);
    if (r.code !== 0) throw toGitError(new Error(r.err.toString('utf8')), args);
    return r.out.toString('utf8');
  }

  /**
   * Streams git's stdout to `onData` as it comes, with back-pressure (the stream pauses while onData's
   * promise is pending). Resolves when git exits 0; rejects with git's stderr otherwise. `input` goes to
   * git's stdin (object and commit lists: never the command line, which has a size limit); `config`
   * adds -c settings for this call.
   */
  stream(args: string[], onData: (chunk: Buffer) => void | Promise<void>, input = '', config: string[] = []): Promise<void> {
    const p = this.pipe(args, onData, config);
    p.write(input);
    return p.end();
  }

  /**
   * As `stream`, with git's stdin left open: `write` sends more input as the caller learns what to ask
   * (object ids for `cat-file --batch`), `end` closes it and resolves when git exits 0.
   */
  pipe(args: string[], onData: (chunk: Buffer) => void | Promise<void>, config: string[] = []): GitPipe {
    const child = this.spawn(args, config);
    const done = new Promise<void>((resolve, reject) => {
      const err: Buffer[] = [];
      let failed: Error | undefined;
      const stop = (e: unknown) => {
        failed ??= e as Error;
        child.kill();
        child.stdout.resume(); // drain what is buffered, so 'close' comes
      };
      const reader = inOrder(child.stdout, onData, stop);
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', (e) => reject(toGitError(e, args)));
      child.on('close', (code) => {
        // The last chunks may still be waiting on a promise of onData: settle after them.
        void reader.idle().then(() => {
          if (failed) reject(failed);
          else if (code === 0) resolve();
          else reject(toGitError(new Error(Buffer.concat(err).toString('utf8')), args));
        });
      });
    });
    child.stdin.on('error', () => undefined);
    done.catch(() => undefined); // a failure before `end` is awaited is still reported, by `end`
    return {
      write: (text) => {
        if (text) child.stdin.write(text);
      },
      end: () => {
        child.stdin.end();
        return done;
      },
      done,
    };
  }

  /**
   * The streaming log: `git log <args>` of the commits `revs` select, handed to onData in git's own order.
   * With more than one process the commits are split between them (log-batches.ts); with one, it is a
   * single git log.
   */
  async streamLog(revs: string[], args: string[], processes: number, onData: (d: Buffer) => void): Promise<void> {
    if (processes <= 1) return this.stream([...args, ...revs, '--'], onData);
    const { readLogInBatches } = require('./log-batches') as typeof import('./log-batches');
    return readLogInBatches(this, revs, args, processes, onData);
  }

  /** The staged files that hold any of `patterns` (fixed strings, given on stdin, never on a command line). */
  readonly grepCached = (patterns: string[]) => grep().grepFiles((a) => this.spawn(a), ['--cached'], patterns);
  /** The work tree's text files, tracked or not (ignored ones left out), that hold any of `patterns`. */
  readonly grepWorkTree = (patterns: string[]) => grep().grepFiles((a) => this.spawn(a), ['--untracked', '-I'], patterns);

  /**
   * Which of `needles` (keys found in a staged change or an unpushed commit) are already reachable from a
   * remote-tracking ref, i.e. pushed and public; see pushed.ts.
   */
  async pushedStrings(needles: string[], budgetMs = 3000): Promise<Set<string>> {
    return pushed().findPushed(await q().remoteTips(this), needles, budgetMs, (args) => this.spawn(args));
  }

  // Typed queries: each runs one git call and parses its output in the file beside this one that it names.
  /** The work tree's root (repo-root.ts); a GitError outside a repository. */
  readonly repoRoot = () => findRepoRoot(this);
  /** The root, or null outside a repository or without git (repo-root.ts). */
  readonly repoRootOrNull = () => findRepoRootOrNull(this);
  /** The common git folder, found without starting git when `.git` is a plain folder (repo-root.ts). */
  readonly gitDir = () => commonGitDir(this);
  /** The repository's common git folder, absolute (shared by linked worktrees). */
  readonly commonDir = () => q().gitPath(this, '--git-common-dir');
  /** The folder git runs hooks from (core.hooksPath and worktrees respected), absolute. */
  readonly hooksDir = () => q().gitPath(this, '--git-path', 'hooks');
  readonly shallowCommits = () => q().shallowCommits(this);
  readonly configValue = (key: string) => q().configValue(this, key);
  /** The staged changes' raw records, their patch streamed to `onPatch` from the same process (staged-diff.ts). */
  readonly stagedEntries = (opts?: Parameters<typeof stagedEntries>[1]) => stagedEntries(this, opts);
  readonly revList = (revs: string[], stdinRevs?: string[]) => q().revList(this, revs, stdinRevs);
  readonly countCommits = (revs: string[]) => q().countCommits(this, revs);
  readonly remotes = () => q().remotes(this);
  readonly remoteUrl = (remote: string) => q().remoteUrl(this, remote);
  readonly remotePushUrls = (remote: string) => q().remotePushUrls(this, remote);
  readonly lsRemote = (target: string) => q().lsRemote(this, target);
  readonly isIgnored = (rel: string) => q().isIgnored(this, rel);
  readonly workTreeFiles = (pathspec: string) => q().workTreeFiles(this, pathspec);
  readonly lsTree = (treeish: string) => q().lsTree(this, treeish);
  /** `git cat-file --batch` streamed object by object to `handler` (cat-file.ts). */
  readonly catFileBatch = (ids: string[], handler: BatchHandler) => objects().catFileBatch(this, ids, handler);
  readonly readObjects = (ids: string[]) => objects().readObjects(this, ids);
  /** A `git cat-file --batch` fed ids as they come (cat-file.ts). */
  readonly openCatFile = (handler: BatchHandler) => objects().openCatFile(this, handler);
  /** What each commit of `revs` changed, as raw records (no content), streamed (parse-raw-log.ts). */
  readonly rawLog = (revs: string[], handler: RawLogHandler, input?: string) => rawLog().streamRawLog(this, revs, handler, input);
  readonly objectTypes = (ids: string[]) => objects().objectTypes(this, ids);

  /** `config` ("key=value") comes after SAFE_CONFIG, so it can change one of those for one call. */
  private spawn(args: string[], config: string[] = []) {
    return spawn('git', this.argv(args, config), { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv() });
  }

  private argv(args: string[], config: string[] = []): string[] {
    return [...[...SAFE_CONFIG, ...config].flatMap((c) => ['-c', c]), ...GLOBAL_FLAGS, ...args];
  }
}
