/**
 * `leakguard install` / `uninstall`: the pre-commit and pre-push hooks. Never clobbers a hook that is
 * already there: in husky's folder leakguard's lines go into the user's hook where they run; in git's hooks
 * folder the existing hook is kept beside ours (<hook>.pre-leakguard) and runs first. Uninstall removes only
 * leakguard's own lines, so whatever the user changed since stays.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Git, runProcess } from '../git';
import { safeTarget, safeWrite } from '../safe-write';
import { hookTarget, type HookTarget } from '../install/hooks-location';
import { addBlock, blockBody, hasBlock, removeBlock, whyBlockWontRun } from '../install/husky-block';
import { hookBody, hookFindsLeakguard, whereInstalled, type Where } from '../install/hook-text';

const HOOKS = ['pre-commit', 'pre-push'] as const;
const LEGACY = /^# leakguard pre-(commit|push) hook\. Installed by/m;
const backupOf = (hook: string) => `${hook}.pre-leakguard`;

/** Hook files are handled as bytes (one char per byte), so a user's non-UTF-8 lines come back unchanged. */
const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
/** Hooks are written only as plain files inside the repository (husky) or git's hooks folder, never through a link. */
const baseOf = (target: HookTarget, root: string) => (target.kind === 'husky' ? root : target.dir);
const writer = (base: string) => (file: string, text: string, mode?: number) => {
  safeWrite(base, file, Buffer.from(text, 'latin1'), mode);
};

function readOr(file: string): string | null {
  try {
    return fs.readFileSync(file, 'latin1');
  } catch {
    return null;
  }
}

/** Puts a fresh block in `text` (or refreshes the one there); null when it is already up to date. */
function withBlock(text: string, body: string): string | null {
  const old = blockBody(text);
  if (old === null) return addBlock(text, body);
  return old === body ? null : text.replace(old, () => body);
}

function installOne(target: HookTarget, hook: string, where: Where, said: string[], rel: string, root: string): string | null {
  const file = path.join(target.dir, hook);
  const write = writer(baseOf(target, root));
  const text = readOr(file);
  if (target.kind === 'husky') {
    safeTarget(root, file);
    const next = withBlock(text ?? '', bytes(hookBody(`husky-${hook}.sh`, where)));
    if (next === null) {
      said.push(`${rel} already runs leakguard`);
      return file;
    }
    write(file, next, text === null ? 0o755 : undefined);
    said.push(`${text === null ? 'created' : hasBlock(text) ? 'updated leakguard in' : 'added leakguard to'} ${rel}`);
    return file;
  }
  const body = bytes(hookBody(hook, where));
  fs.mkdirSync(target.dir, { recursive: true });
  if (text !== null && hasBlock(text)) {
    safeTarget(target.dir, file);
    const next = withBlock(text, body);
    if (next === null) said.push(`${hook} hook already runs leakguard`);
    else {
      write(file, next);
      said.push(`updated leakguard's ${hook} hook`);
    }
    return file;
  }
  const legacy = text !== null && LEGACY.test(text); // an older leakguard's whole-file hook: replaced, not kept
  const had = !legacy && fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  if (had) fs.renameSync(file, path.join(target.dir, backupOf(hook)));
  write(file, `#!/bin/sh\n${addBlock('', body)}`, 0o755);
  said.push(
    had
      ? `installed the ${hook} hook; your existing ${hook} hook still runs first (kept as ${backupOf(hook)})`
      : `installed the ${hook} hook`,
  );
  return file;
}

function uninstallOne(target: HookTarget, hook: string, said: string[], rel: string, root: string): void {
  const file = path.join(target.dir, hook);
  const write = writer(baseOf(target, root));
  const text = readOr(file);
  if (text === null) return;
  const backup = path.join(target.dir, backupOf(hook));
  if (target.kind === 'git' && LEGACY.test(text) && !hasBlock(text)) {
    fs.rmSync(file);
    if (fs.existsSync(backup)) fs.renameSync(backup, file);
    said.push(`removed leakguard's ${hook} hook`);
    return;
  }
  if (!hasBlock(text)) return;
  const rest = removeBlock(text);
  if (rest === null) {
    said.push(`${rel}: leakguard's end marker is gone, so it was left as it is; remove leakguard's lines by hand`);
    return;
  }
  const empty = target.kind === 'git' ? /^(#![^\n]*\n?)?\s*$/.test(rest) : rest === '';
  if (!empty) {
    write(file, rest);
    said.push(
      `removed leakguard's lines from ${rel}; your own lines stay${target.kind === 'git' && fs.existsSync(backup) ? ` (your earlier hook is still in ${backupOf(hook)})` : ''}`,
    );
    return;
  }
  fs.rmSync(file);
  if (target.kind === 'git' && fs.existsSync(backup)) {
    fs.renameSync(backup, file);
    said.push(`removed leakguard's ${hook} hook and put the previous one back`);
  } else said.push(`removed leakguard from ${rel}`);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks that each installed hook will run leakguard's step. Problems with the hook itself are errors;
 * what only the user can change (leakguard not found now, husky not set up) is a warning.
 */
async function verify(
  target: HookTarget,
  files: string[],
  root: string,
  where: Where,
): Promise<{ problems: string[]; warnings: string[] }> {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const rel = path.relative(root, file) || file;
    const text = readOr(file) ?? '';
    const why = whyBlockWontRun(text);
    if (why) problems.push(`${rel}: ${why}`);
    const sh = await runProcess('sh', ['-n'], Buffer.from(text, 'latin1'));
    if (sh && sh.code !== 0) problems.push(`${rel}: the hook is not valid sh (${sh.stderr.trim().split('\n')[0]})`);
    if (target.kind === 'git') {
      if (!isExecutable(file)) problems.push(`${rel}: not executable`);
    } else if (!fs.existsSync(path.join(target.dir, '_', path.basename(file))) && !isExecutable(file))
      warnings.push(`${rel}: husky's runner (.husky/_/${path.basename(file)}) is missing; run \`npx husky\``);
  }
  if (!hookFindsLeakguard(root, where))
    warnings.push(
      'the hooks cannot find leakguard from the repository root yet: install it in the project (npm i -D leakguard) or globally',
    );
  return { problems, warnings };
}

export async function installCommand(uninstall: boolean): Promise<number> {
  const root = await new Git(process.cwd()).repoRoot();
  const target = await hookTarget(new Git(root), root);
  const where = whereInstalled(root, process.cwd());
  const said: string[] = [];
  const files: string[] = [];
  for (const hook of HOOKS) {
    const rel = path.relative(root, path.join(target.dir, hook));
    if (uninstall) uninstallOne(target, hook, said, rel, root);
    else {
      const f = installOne(target, hook, where, said, rel, root);
      if (f) files.push(f);
    }
  }
  const place =
    target.kind === 'husky' ? `husky (${path.relative(root, target.dir) || '.'})` : path.relative(root, target.dir) || target.dir;
  process.stdout.write(
    `leakguard ${uninstall ? 'uninstall' : 'install'} in ${place}:\n${(said.length ? said : ['nothing to do']).map((s) => `  ${s}`).join('\n')}\n`,
  );
  if (uninstall) return 0;
  const { problems, warnings } = await verify(target, files, root, where);
  for (const p of problems) process.stderr.write(`leakguard install: ${p}\n`);
  for (const w of warnings) process.stderr.write(`leakguard install: warning: ${w}\n`);
  return problems.length ? 1 : 0;
}
