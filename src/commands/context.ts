/** What every command that works on a repository needs: git, the repo root, the config. */
import fs from 'node:fs';
import path from 'node:path';
import { Git } from '../git';
import { loadConfig } from '../config/load';
import type { Config } from '../config/types';

export interface RepoContext {
  git: Git;
  root: string;
  config: Config;
}

/**
 * The work tree's root. Found by looking for .git upward (no process to start, which matters on the
 * commit path); git itself is asked when that is not enough: GIT_DIR or GIT_WORK_TREE set, or no .git found
 * (then git says, in its own words, that this is not a repository).
 */
export async function repoRoot(git: Git): Promise<string> {
  if (!process.env.GIT_DIR && !process.env.GIT_WORK_TREE) {
    for (let dir = path.resolve(git.cwd); ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, '.git'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return (await git.raw(['rev-parse', '--show-toplevel'])).trim();
}

export async function openRepo(configFile: string | undefined): Promise<RepoContext> {
  const git = new Git(process.cwd());
  const root = await repoRoot(git);
  return { git: new Git(root), root, config: loadConfig(configFile, root) };
}

/** The folder a scanned path's repository is looked for from: the path itself, or its folder for a file. */
function startFolder(target: string | undefined): string {
  if (!target) return process.cwd();
  const abs = path.resolve(target);
  const st = fs.statSync(abs, { throwIfNoEntry: false });
  return !st ? process.cwd() : st.isDirectory() ? abs : path.dirname(abs);
}

/**
 * For file and stdin scans: the repository of the scanned path (the first one given), which need not be the one
 * the command runs in; plain files when the path is in no repository (or git is missing).
 */
export async function openMaybeRepo(configFile: string | undefined, paths: string[] = []): Promise<RepoContext & { inRepo: boolean }> {
  const git = new Git(startFolder(paths[0]));
  let root: string | null = null;
  try {
    root = (await git.tryRaw(['rev-parse', '--show-toplevel']))?.trim() || null;
  } catch {
    root = null; // git missing: a file scan needs no git
  }
  const base = root ?? process.cwd();
  return { git: new Git(base), root: base, config: loadConfig(configFile, base), inRepo: root !== null };
}
