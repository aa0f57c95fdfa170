/**
 * `leakguard install` / `uninstall`: the pre-commit and pre-push hooks. Never clobbers a hook that is
 * already there: in husky's folder the lines are appended to the user's hook; in git's hooks folder
 * the existing hook is kept beside ours (<hook>.pre-leakguard) and runs first. Uninstall undoes exactly that.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Git } from '../git';
import { repoRoot } from './context';
import { hookTarget } from '../install/hooks-location';
import { addBlock, hasBlock, removeBlock } from '../install/husky-block';

const HOOKS = ['pre-commit', 'pre-push'] as const;
const MARK = 'leakguard pre-';
const TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'hooks');
const backupOf = (hook: string) => `${hook}.pre-leakguard`;

function isOurs(file: string): boolean {
  try { return fs.readFileSync(file, 'utf8').includes(MARK); } catch { return false; }
}

export async function installCommand(uninstall: boolean): Promise<number> {
  const git = new Git(process.cwd());
  const root = await repoRoot(git);
  const target = await hookTarget(new Git(root), root);
  const said: string[] = [];
  for (const hook of HOOKS) {
    const file = path.join(target.dir, hook);
    if (target.kind === 'husky') {
      const exists = fs.existsSync(file);
      const text = exists ? fs.readFileSync(file, 'utf8') : '';
      if (uninstall) {
        if (!hasBlock(text)) continue;
        const rest = removeBlock(text);
        if (rest === '') fs.rmSync(file); else fs.writeFileSync(file, rest);
        said.push(`removed leakguard from ${path.relative(root, file)}`);
      } else if (hasBlock(text)) said.push(`${path.relative(root, file)} already runs leakguard`);
      else {
        fs.writeFileSync(file, addBlock(text, fs.readFileSync(path.join(TEMPLATES, `husky-${hook}.sh`), 'utf8')), { mode: 0o755 });
        said.push(`${exists ? 'added leakguard to' : 'created'} ${path.relative(root, file)}`);
      }
      continue;
    }
    fs.mkdirSync(target.dir, { recursive: true });
    const backup = path.join(target.dir, backupOf(hook));
    if (uninstall) {
      if (!isOurs(file)) continue;
      fs.rmSync(file);
      if (fs.existsSync(backup)) { fs.renameSync(backup, file); said.push(`removed leakguard's ${hook} hook and put the previous one back`); }
      else said.push(`removed leakguard's ${hook} hook`);
    } else if (isOurs(file)) said.push(`${hook} hook already runs leakguard`);
    else {
      const had = fs.existsSync(file) || fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
      if (had) fs.renameSync(file, backup);
      fs.copyFileSync(path.join(TEMPLATES, hook), file);
      fs.chmodSync(file, 0o755);
      said.push(had ? `installed the ${hook} hook; your existing ${hook} hook still runs first (kept as ${backupOf(hook)})` : `installed the ${hook} hook`);
    }
  }
  const where = target.kind === 'husky' ? `husky (${path.relative(root, target.dir) || '.'})` : path.relative(root, target.dir) || target.dir;
  process.stdout.write(`leakguard ${uninstall ? 'uninstall' : 'install'} in ${where}:\n${(said.length ? said : ['nothing to do']).map((s) => `  ${s}`).join('\n')}\n`);
  return 0;
}
