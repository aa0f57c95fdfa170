/**
 * The files source: files and folders on disk. Inside a git work tree the file list comes from
 * `git ls-files` (tracked plus untracked, .gitignore respected); a path that is itself ignored, or a
 * folder outside any repo, is walked directly, skipping .git. Binary files and files over the size
 * limit are noted, not read; symlinks are not followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from '../git';
import { UserError } from '../errors';
import type { Emit, Notice, SourceStats } from './fragment';
import { MAX_FILE_BYTES } from './staged';

export function textToFragment(file: string, text: string) {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return { file, lines, lineNumbers: lines.map((_, i) => i + 1) };
}

function walk(dir: string, out: string[]): void {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.name === '.git') continue;
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p, out);
    else if (d.isFile()) out.push(p);
  }
}

async function listFiles(target: string, git: Git | null, repoRoot: string | null): Promise<string[]> {
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!st) throw new UserError(`no such file or folder: ${target}`);
  if (st.isSymbolicLink()) return [];
  if (st.isFile()) return [target];
  if (git && repoRoot) {
    // check-ignore prints the path when it is ignored (its exit code does not survive simple-git).
    const ignored = (await git.tryRaw(['check-ignore', '--', path.relative(repoRoot, path.resolve(target)) || '.']))?.trim();
    if (!ignored) {
      const out = await git.raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', path.resolve(target)]);
      const seen = new Set<string>();
      return out.split('\0').filter((f) => f && !seen.has(f) && seen.add(f)).map((f) => path.join(repoRoot, f));
    }
  }
  const out: string[] = [];
  walk(target, out);
  return out;
}

export async function filesSource(targets: string[], git: Git | null, repoRoot: string | null, emit: Emit, notices: Notice[]): Promise<SourceStats> {
  const stats: SourceStats = { filesScanned: 0, linesScanned: 0, commitsScanned: 0 };
  const base = repoRoot ?? process.cwd();
  for (const t of targets) {
    for (const abs of await listFiles(t, git, repoRoot)) {
      const rel = path.relative(base, path.resolve(abs)).split(path.sep).join('/');
      const st = fs.lstatSync(abs, { throwIfNoEntry: false });
      if (!st || !st.isFile()) continue;
      if (st.size > MAX_FILE_BYTES) { notices.push({ file: rel, reason: `${(st.size / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB limit: not scanned` }); continue; }
      const buf = fs.readFileSync(abs);
      if (buf.subarray(0, 8000).includes(0)) continue; // binary
      const frag = textToFragment(rel, buf.toString('utf8'));
      stats.filesScanned++;
      stats.linesScanned += frag.lines.length;
      emit(frag);
    }
  }
  return stats;
}
