/**
 * The impact inventory: for each finding, the files in the repository that read its provider's
 * environment variables or hold the same secret. They all need the new key after rotation.
 * One `git grep` per provider and one per secret (secrets go in on stdin, never on a command line).
 */
import type { Git } from './git';
import type { Finding } from './engine/finding';

const MAX_FILES = 25;

/** The inventory is advice, never a reason to fail: a git error gives no files. */
const grepFiles = (git: Git, patterns: string[]): Promise<string[]> => git.grepWorkTree(patterns).catch(() => []);

export async function buildInventory(git: Git, findings: Finding[]): Promise<Map<string, string[]>> {
  const inv = new Map<string, string[]>();
  const byEnv = new Map<string, Promise<string[]>>();
  for (const f of findings.slice(0, 50)) {
    const key = f.envVars.join(' ');
    if (!byEnv.has(key)) byEnv.set(key, grepFiles(git, f.envVars));
  }
  const bySecret = new Map<string, Promise<string[]>>();
  for (const f of findings.slice(0, 50)) if (!bySecret.has(f.secret)) bySecret.set(f.secret, grepFiles(git, [f.secret]));
  for (const f of findings.slice(0, 50)) {
    const readers = await byEnv.get(f.envVars.join(' '))!;
    const holders = (await bySecret.get(f.secret)!).filter((p) => p !== f.file).map((p) => `${p} (holds the same key)`);
    inv.set(f.fingerprint, [...readers.filter((p) => p !== f.file), ...holders].slice(0, MAX_FILES));
  }
  return inv;
}
