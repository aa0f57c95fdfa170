/**
 * The .env file that receives the keys. It must be a plain file that git does not track and ignores; when
 * it is not ignored yet, `.env` is added to .gitignore and git is asked again. A tracked .env is refused:
 * a key written there would be committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from '../git';
import { safeRemove, safeTarget, safeWrite } from '../safe-write';

export const ENV_FILE = '.env';

export function readEnvVars(root: string): Map<string, string> {
  const vars = new Map<string, string>();
  const file = path.join(root, ENV_FILE);
  if (!fs.existsSync(file)) return vars;
  for (const l of fs.readFileSync(file, 'latin1').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(l);
    if (m) vars.set(m[1], m[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  return vars;
}

/** Why .env cannot receive keys (one line), or null. Checks only; changes nothing. */
export async function envFileProblem(git: Git, root: string): Promise<string | null> {
  const file = path.join(root, ENV_FILE);
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (st && !st.isFile()) return `${ENV_FILE} is not a plain file (a link or a folder), so leakguard will not write keys into it`;
  if ((await git.raw(['ls-files', '--', ENV_FILE])).trim())
    return `${ENV_FILE} is tracked by git, so a key written there would be committed; untrack it (git rm --cached ${ENV_FILE}, add it to .gitignore) and run fix again`;
  return null;
}

/** Whether git ignores .env: the last matching pattern exists and is not a negation (`!.env`). */
async function ignored(git: Git): Promise<boolean> {
  const out = (await git.tryRaw(['check-ignore', '--verbose', '--non-matching', '--', ENV_FILE])) ?? '';
  const m = /^[^\t]*?:\d*:([^\t]*)\t/m.exec(out);
  return !!m && m[1] !== '' && !m[1].startsWith('!');
}

/**
 * Makes sure git ignores .env, adding it to .gitignore when needed. Returns what was done (for the
 * message), or a problem when git still would not ignore it (then .gitignore is put back).
 */
export async function ensureIgnored(git: Git, root: string): Promise<{ gitignore?: string; problem?: string }> {
  if (await ignored(git)) return {};
  const gi = safeTarget(root, '.gitignore');
  safeTarget(root, ENV_FILE);
  const before = fs.existsSync(gi) ? fs.readFileSync(gi) : null;
  const cur = before?.toString('latin1') ?? '';
  const eol = /\r\n/.test(cur) ? '\r\n' : '\n';
  safeWrite(root, '.gitignore', Buffer.from(cur + (cur && !cur.endsWith('\n') ? eol : '') + `/${ENV_FILE}${eol}`, 'latin1'));
  if (await ignored(git)) return { gitignore: '.gitignore' };
  if (before) safeWrite(root, '.gitignore', before);
  else safeRemove(root, '.gitignore');
  return { problem: `git would still not ignore ${ENV_FILE} after adding it to .gitignore (a rule un-ignores it), so no key was moved` };
}

/** Appends the new variables to .env (created private), keeping its bytes and line ending. */
export function appendEnv(root: string, add: [string, string][]): void {
  if (!add.length) return;
  const file = safeTarget(root, ENV_FILE);
  const cur = fs.existsSync(file) ? fs.readFileSync(file, 'latin1') : '';
  const eol = /\r\n/.test(cur) ? '\r\n' : '\n';
  // A value with spaces, #, $ or quotes is quoted, so dotenv loaders read it back unchanged.
  const quote = (v: string) => (/^[\w.:/@+=,~%^-]*$/.test(v) ? v : v.includes("'") ? `"${v.replace(/["\\$`]/g, '\\$&')}"` : `'${v}'`);
  const lines = add.map(([k, v]) => `${k}=${quote(v)}${eol}`).join('');
  const mode = fs.existsSync(file) ? undefined : 0o600;
  safeWrite(root, ENV_FILE, Buffer.from(cur + (cur && !cur.endsWith('\n') ? eol : '') + lines, 'latin1'), mode);
}
