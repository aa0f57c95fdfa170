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

/** The repository the command runs in (git.repoRoot: no process on the commit path); a GitError outside one. */
export async function openRepo(configFile: string | undefined): Promise<RepoContext> {
  const root = await new Git(process.cwd()).repoRoot();
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
 * the command runs in; plain files when the path is in no repository (or git is missing: a file scan needs no git).
 */
export async function openMaybeRepo(configFile: string | undefined, paths: string[] = []): Promise<RepoContext & { inRepo: boolean }> {
  const root = await new Git(startFolder(paths[0])).repoRootOrNull();
  const base = root ?? process.cwd();
  return { git: new Git(base), root: base, config: loadConfig(configFile, base), inRepo: root !== null };
}
