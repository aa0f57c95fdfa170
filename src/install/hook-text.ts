/**
 * The text leakguard puts in a hook, from the templates in hooks/. The hook finds the leakguard that
 * installed it: the package folder's node_modules (relative to the work tree, so each linked worktree uses
 * its own once it has one), the repository root's, the absolute path install saw, then a global one.
 */
import fs from 'node:fs';
import path from 'node:path';

const TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'hooks');
const BIN = path.join('node_modules', '.bin', 'leakguard');

export interface Where {
  pkg: string;
  bin: string;
}

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const read = (name: string) => fs.readFileSync(path.join(TEMPLATES, name), 'utf8');

/** The package folder (from `from` up to the root) whose node_modules holds leakguard, as npx/npm run would use. */
export function whereInstalled(root: string, from: string): Where {
  const rel = path.relative(root, from);
  const start = rel.startsWith('..') || path.isAbsolute(rel) ? root : from;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const bin = path.join(dir, BIN);
    if (fs.existsSync(bin)) return { pkg: path.relative(root, dir).split(path.sep).join('/'), bin };
    if (dir === root || path.dirname(dir) === dir) return { pkg: '', bin: '' };
  }
}

/** The body of a hook block (template name: pre-commit, pre-push, husky-pre-commit.sh, ...), without a shebang. */
export function hookBody(template: string, where: Where): string {
  const what = template.includes('pre-push') ? 'push' : 'commit';
  const find = read('find-leakguard.sh').replace('@PKG@', sq(where.pkg)).replace('@BIN@', sq(where.bin)).replace('@WHAT@', what).trimEnd();
  return read(template)
    .replace(/^#!.*\n/, '')
    .replace('@FIND@', find)
    .trimEnd();
}

/** Whether a leakguard the hook looks for exists now (run from the work tree's root). */
export function hookFindsLeakguard(root: string, where: Where): boolean {
  const candidates = [path.join(root, where.pkg, BIN), path.join(root, BIN), where.bin].filter(Boolean);
  if (candidates.some((c) => isExecutable(c))) return true;
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && isExecutable(path.join(d, 'leakguard')));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
