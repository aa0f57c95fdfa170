/**
 * A history read by several git processes (git/log-batches.ts), or through the pump thread (git/pump.ts),
 * gives exactly what one `git log` read on one thread gives: the same bytes, the same findings in the
 * same order, and the same refusal when git cannot read an object.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Git } from '../src/git';
import { readLogInBatches } from '../src/git/log-batches';
import { commitAll, git, leakguard, newRepo, write } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';

const PROVIDERS = ['openai', 'anthropic', 'cohere', 'pinecone'] as const;

/** 35 commits on two branches, a merge that resolves a conflict with a key, a binary file and a rename. */
function conflicted(): string {
  const r = newRepo();
  write(r, 'merge.txt', 'base\n');
  commitAll(r, 'base');
  for (let i = 0; i < 30; i++) {
    write(r, `src/m${i % 7}.ts`, `export const n${i} = ${i};\n`.repeat(1 + (i % 3)));
    if (i % 6 === 2) write(r, `conf/k${i}.env`, fakeLine(PROVIDERS[i % 4], `c${i}`) + '\n');
    if (i === 11)
      fs.writeFileSync(path.join(r, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(fakeKey('openai', 'bin'))]));
    if (i === 17) git(r, ['mv', 'src/m1.ts', 'src/moved.ts']);
    commitAll(r, `change ${i}`);
  }
  git(r, ['checkout', '-qb', 'side', 'HEAD~4']);
  write(r, 'merge.txt', 'side\n');
  commitAll(r, 'side');
  git(r, ['checkout', '-q', 'main']);
  write(r, 'merge.txt', 'main\n');
  commitAll(r, 'main');
  const m = spawnSync('git', ['merge', '-q', 'side'], { cwd: r, encoding: 'utf8' });
  expect(m.status).not.toBe(0);
  // Resolved with a key, as a hurried person might.
  write(r, 'merge.txt', fakeLine('anthropic', 'merge') + '\n');
  commitAll(r, 'merge side');
  return r;
}

const ARGS = ['log', '-p', '-U0', '--cc', '--root', '--no-color', '--full-index', '--format=%x01%H%n%B'];

async function oneLog(g: Git, revs: string[]): Promise<string> {
  const out: Buffer[] = [];
  await g.stream([...ARGS, ...revs, '--'], (d) => void out.push(d));
  return Buffer.concat(out).toString('latin1');
}

async function batched(g: Git, revs: string[], processes: number): Promise<string> {
  const out: Buffer[] = [];
  await readLogInBatches(g, revs, ARGS, processes, (d) => void out.push(d));
  return Buffer.concat(out).toString('latin1');
}

describe('a history read in batches', () => {
  let repo: string;
  beforeAll(() => {
    repo = conflicted();
  });

  test('gives the bytes of one git log, for every number of processes, for --all and for a range', async () => {
    const g = new Git(repo);
    for (const revs of [['--all'], ['HEAD~20..HEAD']]) {
      const one = await oneLog(g, revs);
      expect(one.length).toBeGreaterThan(1000);
      for (const n of [1, 2, 3, 7]) expect(await batched(g, revs, n)).toBe(one);
    }
  });

  test('an empty range gives nothing, and a bad revision is git error', async () => {
    const g = new Git(repo);
    expect(await batched(g, ['HEAD..HEAD'], 3)).toBe('');
    await expect(batched(g, ['no-such-branch'], 3)).rejects.toThrow(/git rev-list failed/);
  });

  test('the CLI finds the same keys, commits and order whether git is split or read through the pump', () => {
    const runs = ['1', '2', '5'].map((n) => {
      // Splitting applies to the patch reader (every commit read as a patch).
      const env = { LEAKGUARD_GIT_PROCESSES: n, LEAKGUARD_HISTORY: 'patches' };
      const r = leakguard(['scan', '--all-history', '--format', 'json'], repo, { env });
      expect(r.code).toBe(1);
      const j = JSON.parse(r.stdout) as { findings: Array<{ file: string; commit: { sha: string } }>; stats: Record<string, number> };
      delete j.stats.ms;
      return j;
    });
    expect(runs[0].findings.map((f) => f.file)).toEqual(expect.arrayContaining(['blob.bin', 'merge.txt', 'conf/k2.env']));
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    // The two-pass reader (the default) finds the same.
    const two = JSON.parse(leakguard(['scan', '--all-history', '--format', 'json'], repo).stdout) as { findings: unknown[] };
    expect(two.findings).toEqual(runs[0].findings);
  });

  test('an object git cannot read stops the audit with git words (exit 2), split or not', () => {
    const r = newRepo();
    write(r, 'a.txt', 'one\n');
    commitAll(r, 'one');
    write(r, 'a.txt', 'two\n');
    commitAll(r, 'two');
    const blob = git(r, ['rev-parse', 'HEAD:a.txt']).trim();
    fs.rmSync(path.join(r, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    for (const n of ['1', '3']) {
      const res = leakguard(['scan', '--all-history'], r, { env: { LEAKGUARD_GIT_PROCESSES: n } });
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/git log failed/);
      expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
  test('the audit reads raw commit objects: a key after a NUL in a message, in UTF-16, or in a name', () => {
    const r = newRepo();
    write(r, 'a.txt', 'hi\n');
    commitAll(r, 'init');
    const tree = git(r, ['rev-parse', 'HEAD^{tree}']).trim();
    const mk = (body: Buffer) => git(r, ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: body }).trim();
    const head = (parent: string, committer = 't <t@e>') =>
      `tree ${tree}\nparent ${parent}\nauthor t <t@e> 1700000000 +0000\ncommitter ${committer} 1700000000 +0000\n\n`;
    let c = git(r, ['rev-parse', 'HEAD']).trim();
    c = mk(Buffer.from(`${head(c)}fix\0${fakeLine('anthropic', 'nul')}\n`));
    c = mk(Buffer.concat([Buffer.from(head(c)), Buffer.from(`${fakeLine('openai', 'utf16')}\n`, 'utf16le')]));
    c = mk(Buffer.from(`${head(c, `${fakeKey('anthropic', 'name')} <t@e>`)}plain\n`));
    git(r, ['update-ref', 'refs/heads/main', c]);
    for (const n of ['1', '3']) {
      const res = leakguard(['scan', '--all-history', '--format', 'json'], r, { env: { LEAKGUARD_GIT_PROCESSES: n } });
      expect(res.code).toBe(1);
      expect(JSON.parse(res.stdout).findings).toHaveLength(3);
    }
  });
});
