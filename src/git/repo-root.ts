/**
 * The work tree's root, found one way for every command. `.git` is looked for upward first (no process to
 * start, which matters on the commit path); git itself is asked when that is not enough: GIT_DIR or
 * GIT_WORK_TREE set, or no `.git` found (then git says, in its own words, that this is not a repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { GitError } from '../errors';
import type { Git } from './index';

/** The nearest folder from `cwd` up that holds `.git`; null when there is none or the environment says where the repository is. */
export function dotGitRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.GIT_DIR || env.GIT_WORK_TREE) return null;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

const askGit = async (git: Git): Promise<string> => (await git.raw(['rev-parse', '--show-toplevel'])).trim();

/** The root of the work tree `git.cwd` is in; a GitError when it is in none (or git is missing). */
export async function findRepoRoot(git: Git): Promise<string> {
  return dotGitRoot(git.cwd) ?? (await askGit(git));
}

/**
 * The root, or null when `git.cwd` is in no work tree git can read. Always asks git: a file scan must still
 * work where git is missing, and a folder git cannot read is no repository to it.
 */
export async function findRepoRootOrNull(git: Git): Promise<string | null> {
  try {
    return (await askGit(git)) || null;
  } catch (e) {
    if (e instanceof GitError) return null;
    throw e;
  }
}

/**
 * The repository's common git folder, absolute: `<root>/.git` when it is a folder and nothing in the
 * environment says otherwise (no process to start), else what git says (a linked worktree, GIT_DIR...).
 */
export async function commonGitDir(git: Git): Promise<string> {
  const root = process.env.GIT_COMMON_DIR ? null : dotGitRoot(git.cwd);
  const dot = root && path.join(root, '.git');
  if (dot && fs.statSync(dot).isDirectory()) return dot;
  return (await git.raw(['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim();
}
