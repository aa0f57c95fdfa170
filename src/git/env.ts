/**
 * What every git call runs with: fixed config and flags that keep git's output the same whatever the
 * user's config says, and an environment that keeps only the GIT_* variables that locate the repository
 * or reach a remote. The scanner must read what leaves the machine, so nothing may hide or change it.
 */

/**
 * Flags that keep git's output stable whatever the user's config says: the scanner must read what
 * leaves the machine, so nothing in the user's or the system's config may hide or change it (a root
 * commit's diff, a size threshold that turns text into "Binary files differ", a global attributes file).
 */
export const SAFE_CONFIG = [
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
export const GLOBAL_FLAGS = ['--no-replace-objects'];

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
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_GRAFT_FILE: '/dev/null',
    GLIBC_TUNABLES: withTrimThreshold(base.GLIBC_TUNABLES),
  };
}

/**
 * `git log -p` inflates one large tree after another; glibc hands the freed memory back to the system after
 * each and asks for it again for the next, which cost a history audit about 15% of git's time (system time
 * halved, bench/history.mjs). A high trim threshold keeps it. No effect where the C library is not glibc.
 */
function withTrimThreshold(tunables: string | undefined): string {
  const ours = 'glibc.malloc.trim_threshold=268435456';
  if (!tunables) return ours;
  return /trim_threshold/.test(tunables) ? tunables : `${tunables}:${ours}`;
}

export function simpleGitEnv(): NodeJS.ProcessEnv {
  const env = gitEnv();
  for (const k of NOT_FOR_SIMPLE_GIT) delete env[k];
  return env;
}
