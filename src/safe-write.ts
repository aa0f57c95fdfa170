/**
 * Every file leakguard writes in a repository (.gitignore, .env, hooks, the baseline, fixed sources) goes
 * through here. A tracked symlink (or a symlinked parent folder) could point anywhere on the machine, so
 * the target must stay inside `base` after resolving links, must not itself be a link, and is replaced
 * atomically (a private temp file beside it, then rename), which never writes through a link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors';

const inside = (base: string, f: string) => {
  const rel = path.relative(base, f);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

const refuse = (shown: string, why: string) =>
  new UserError(`refusing to write ${shown}: ${why}; leakguard writes only plain files inside the repository`);

/**
 * The absolute path of `file` (relative to `base` or absolute) after checking it is safe to write:
 * inside `base` by name and after resolving links of its folders, and not a link or folder itself.
 * Throws a UserError (exit 2, one line) otherwise.
 */
export function safeTarget(base: string, file: string): string {
  const abs = path.resolve(base, file);
  const shown = path.relative(process.cwd(), abs) || abs;
  if (!inside(path.resolve(base), abs)) throw refuse(shown, 'it is outside the repository');
  const realBase = fs.realpathSync(base);
  let probe = path.dirname(abs);
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  const realParent = path.join(fs.realpathSync(probe), path.relative(probe, path.dirname(abs)));
  if (!inside(realBase, path.join(realParent, path.basename(abs))))
    throw refuse(shown, 'a folder on its path is a symbolic link that leads outside the repository');
  const st = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) throw refuse(shown, `it is a symbolic link (to ${fs.readlinkSync(abs)})`);
  if (st && !st.isFile()) throw refuse(shown, 'it is not a plain file');
  return abs;
}

/**
 * Writes `data` to `file` inside `base` (see safeTarget), creating missing folders. A new file gets
 * `mode` (default 0o644 less umask); an existing file keeps its mode unless `mode` is given.
 */
export function safeWrite(base: string, file: string, data: string | Buffer, mode?: number): string {
  const abs = safeTarget(base, file);
  const dir = path.dirname(abs);
  fs.mkdirSync(dir, { recursive: true });
  safeTarget(base, file); // the folders created above are checked again
  const old = fs.statSync(abs, { throwIfNoEntry: false });
  const finalMode = mode ?? (old ? old.mode & 0o7777 : 0o644);
  const tmp = path.join(dir, `.${path.basename(abs)}.leakguard-${process.pid}-${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fchmodSync(fd, finalMode);
    fs.closeSync(fd);
    fs.renameSync(tmp, abs);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      /* already closed */
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return abs;
}

/** Removes `file` inside `base` when it exists: a link is removed itself, never what it points to. */
export function safeRemove(base: string, file: string): void {
  const abs = path.resolve(base, file);
  if (!inside(path.resolve(base), abs)) throw refuse(path.relative(process.cwd(), abs) || abs, 'it is outside the repository');
  fs.rmSync(abs, { force: true });
}
