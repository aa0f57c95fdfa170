/**
 * Which keys are already public: exact strings searched in what the remote-tracking refs hold. The keys go to
 * git on stdin, never on the command line, which other users of the machine can read. The remote tips' trees are
 * searched first (one git grep), then their history, newest first, until the time budget is spent; what was
 * found by then is returned.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export async function findPushed(
  remoteTips: string[],
  needles: string[],
  budgetMs: number,
  spawnGit: (args: string[]) => ChildProcessWithoutNullStreams,
): Promise<Set<string>> {
  const found = new Set<string>();
  const wanted = [...new Set(needles.filter((n) => n && !n.includes('\n')))];
  // The most recently updated remote branches' trees are searched whole; the history pass covers the others.
  const tips = [...new Set(remoteTips)].slice(0, 16);
  if (!wanted.length || !tips.length) return found;
  const deadline = Date.now() + budgetMs;
  const keep = Math.max(...wanted.map((n) => n.length));
  const search = (args: string[], input: string) =>
    new Promise<void>((resolve) => {
      const child = spawnGit(args);
      const timer = setTimeout(() => child.kill(), Math.max(0, deadline - Date.now()));
      let tail = '';
      child.stdout.on('data', (d: Buffer) => {
        const text = tail + d.toString('utf8');
        for (const n of wanted) if (!found.has(n) && text.includes(n)) found.add(n);
        tail = text.slice(-keep);
        if (found.size === wanted.length) child.kill();
      });
      child.stderr.resume();
      child.on('error', () => resolve());
      child.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    });
  await search(['grep', '-F', '-I', '-o', '-h', '--no-color', '-f', '-', ...tips, '--'], `${wanted.join('\n')}\n`);
  // The history pass compares every chunk with every key: worth it for a block's few keys, not for thousands.
  if (found.size < wanted.length && wanted.length <= 64 && Date.now() < deadline) {
    await search(['log', '--remotes', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--format=%H'], '');
  }
  return found;
}
