/** Where hooks go: husky's folder when the repo uses husky, else git's hooks folder (core.hooksPath and worktrees respected). */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from '../git';

export type HookTarget = { kind: 'husky'; dir: string } | { kind: 'git'; dir: string };

export async function hookTarget(git: Git, root: string): Promise<HookTarget> {
  const hooksPath = await git.configValue('core.hooksPath');
  if (hooksPath && /(^|\/)\.husky(\/_)?\/?$/.test(hooksPath)) {
    const huskyDir = path.resolve(root, hooksPath.replace(/\/_\/?$/, '').replace(/\/$/, ''));
    if (fs.existsSync(huskyDir)) return { kind: 'husky', dir: huskyDir };
  }
  return { kind: 'git', dir: await git.hooksDir() };
}
