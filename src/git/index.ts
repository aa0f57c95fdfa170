/**
 * The only module (with the files beside it in src/git/) that runs git. Ordinary calls go through simple-git. Two kinds of call cannot:
 * a `git log -p` over a whole history must be read as a stream (simple-git buffers the whole output,
 * which for a multi-gigabyte history breaks the 200 MB memory goal; see bench/history.mjs), and
 * `git cat-file --batch`, `rev-list --stdin` and `log --stdin` need their object lists on stdin (a list
 * on the command line has a size limit: spawn E2BIG). Those spawn git directly, here, with an
 * environment that no replace ref, graft or outside diff option can change.
 */
import { spawn } from 'node:child_process';
import type { SimpleGit } from 'simple-git';
import { collect } from './process';
import { toGitError, isMissingGit } from './git-error';
import { findPushed } from './pushed';

export { runProcess, type ProcessResult } from './process';

/**
 * Flags that keep git's output stable whatever the user's config says: the scanner must read what
 * leaves the machine, so nothing in the user's or the system's config may hide or change it (a root
 * commit's diff, a size threshold that turns text into "Binary files differ", a global attributes file).
 */
const SAFE_CONFIG = [
  'core.quotePath=false',
  'core.bigFileThreshold=512m',
  'core.attributesFile=/dev/null',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'diff.interHunkContext=0',
  'log.showRoot=true',
  'log.showSignature=false',
  'i18n.logOutputEncoding=UTF-8',
  'color.ui=false',
  'color.diff=false',
  'submodule.recurse=false',
];

/** Before every subcommand: read objects as they are, never as `git replace` shows them. */
const GLOBAL_FLAGS = ['--no-replace-objects'];

/**
 * Variables that only say where the repository is (hooks rely on them: a linked worktree, git's push
 * quarantine) or how to reach a remote (`ls-remote` of a push URL). Every other GIT_* variable is dropped:
 * GIT_*_PATHSPECS, GIT_CONFIG_COUNT/KEY/VALUE, GIT_CONFIG_PARAMETERS, GIT_DIFF_PATH_*, GIT_NAMESPACE... can
 * each change what git reads or prints, and the scanner must read what leaves the machine.
 */
const KEEP = new Set([
  'GIT_DIR',
  'GIT_INDEX_FILE',
  'GIT_WORK_TREE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_QUARANTINE_PATH',
  'GIT_COMMON_DIR',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_EXEC_PATH',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_ALLOW_PROTOCOL',
  'GIT_PROTOCOL_FROM_USER',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_SSH_VARIANT',
  'GIT_ASKPASS',
  'GIT_PROXY_COMMAND',
]);
const KEEP_PREFIX = /^GIT_(SSL|HTTP|CURL)_/;

/** Not needed by the local commands simple-git runs, and refused by its safety check. */
const NOT_FOR_SIMPLE_GIT = ['EDITOR', 'PAGER', 'PREFIX', 'SSH_ASKPASS', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_ASKPASS', 'GIT_PROXY_COMMAND'];

/**
 * The environment of every git call: only the GIT_* variables above survive; replace refs, grafts and
 * system attributes off, no prompts, no pager.
 */
export function gitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (!/^GIT_/i.test(k) || KEEP.has(k) || KEEP_PREFIX.test(k)) env[k] = v;
  }
  // GIT_GRAFT_FILE: a (deprecated) info/grafts file rewrites parents like a replace ref does; /dev/null reads as none.
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_NO_REPLACE_OBJECTS: '1', GIT_ATTR_NOSYSTEM: '1', GIT_GRAFT_FILE: '/dev/null' };
}

function simpleGitEnv(): NodeJS.ProcessEnv {
  const env = gitEnv();
  for (const k of NOT_FOR_SIMPLE_GIT) delete env[k];
  return env;
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
  stream(args: string[], onData: (chunk: Buffer) => void, input = '', config: string[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = this.spawn(args, config);
      const err: Buffer[] = [];
      let failed: Error | undefined;
      child.stdout.on('data', (d: Buffer) => {
        if (failed) return;
        try {
          onData(d);
        } catch (e) {
          failed = e as Error;
          child.kill();
        }
      });
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', (e) => reject(toGitError(e, args)));
      child.on('close', (code) => {
        if (failed) reject(failed);
        else if (code === 0) resolve();
        else reject(toGitError(new Error(Buffer.concat(err).toString('utf8')), args));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    });
  }

  /** The staged files that hold any of `patterns` (fixed strings, given on stdin, never on a command line). */
  async grepCached(patterns: string[]): Promise<string[]> {
    const args = ['grep', '--cached', '-l', '-z', '-F', '-f', '-'];
    const r = await collect(this.spawn(args), patterns.join('\n') + '\n');
    if (r.error) throw toGitError(r.error, args);
    // git grep exits 1 when nothing matched (and says nothing on stderr).
    if (r.code !== 0 && !(r.code === 1 && !r.err.length)) throw toGitError(new Error(r.err.toString('utf8')), args);
    return r.out.toString('utf8').split('\0').filter(Boolean);
  }

  /**
   * Which of `needles` (keys found in a staged change or an unpushed commit) are already reachable from a
   * remote-tracking ref, i.e. pushed and public; see pushed.ts.
   */
  async pushedStrings(needles: string[], budgetMs = 3000): Promise<Set<string>> {
    const refs = (await this.tryRaw(['for-each-ref', '--sort=-committerdate', '--format=%(objectname)', 'refs/remotes'])) ?? '';
    return findPushed(refs, needles, budgetMs, (args) => this.spawn(args));
  }

  /** `config` ("key=value") comes after SAFE_CONFIG, so it can change one of those for one call. */
  private spawn(args: string[], config: string[] = []) {
    const cfg = [...SAFE_CONFIG, ...config].flatMap((c) => ['-c', c]);
    return spawn('git', [...cfg, ...GLOBAL_FLAGS, ...args], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv() });
  }
}
