/** What every command that works on a repository needs: git, the repo root, the config. */
import { Git } from '../git';
import { loadConfig } from '../config/load';
import type { Config } from '../config/types';

export interface RepoContext { git: Git; root: string; config: Config }

export async function repoRoot(git: Git): Promise<string> {
  return (await git.raw(['rev-parse', '--show-toplevel'])).trim();
}

export async function openRepo(configFile: string | undefined): Promise<RepoContext> {
  const git = new Git(process.cwd());
  const root = await repoRoot(git);
  return { git: new Git(root), root, config: loadConfig(configFile, root) };
}

/** For file and stdin scans: a repo if there is one, else the current folder. */
export async function openMaybeRepo(configFile: string | undefined): Promise<RepoContext & { inRepo: boolean }> {
  const git = new Git(process.cwd());
  let root: string | null = null;
  try {
    root = (await git.tryRaw(['rev-parse', '--show-toplevel']))?.trim() || null;
  } catch {
    root = null; // git missing: a file scan needs no git
  }
  const base = root ?? process.cwd();
  return { git: new Git(base), root: base, config: loadConfig(configFile, base), inRepo: root !== null };
}
