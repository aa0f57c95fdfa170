/** `git log --raw -z --cc` parsing (the walk of a history audit's first pass): pure records, then real git. */
import { RawLogParser, type PathChange } from '../src/git/parse-raw-log';
import { Git } from '../src/git';
import { commitAll, git, gitTry, newRepo, write } from './support/cli';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const Z = '0'.repeat(40);

function parse(chunks: Buffer[]): Array<string | PathChange> {
  const out: Array<string | PathChange> = [];
  const p = new RawLogParser({ commit: (sha) => out.push(sha), entry: (e) => out.push(e) });
  for (const c of chunks) p.feed(c);
  p.end();
  return out;
}

describe('RawLogParser (pure)', () => {
  const stream = Buffer.from(
    `\x01${A}\0\n:000000 100644 ${Z} ${B} A\0new file.txt\0:100644 000000 ${B} ${Z} D\0gone\0` +
      `\x01${C}\0\0::100644 100644 100644 ${A} ${B} ${C} MM\0merged/é.txt\0`,
  );

  test('commits, plain records and a merge combined record (the result is the last id)', () => {
    expect(parse([stream])).toEqual([
      A,
      { path: 'new file.txt', newMode: '100644', newOid: B, status: 'A' },
      { path: 'gone', newMode: '000000', newOid: Z, status: 'D' },
      C,
      { path: 'merged/é.txt', newMode: '100644', newOid: C, status: 'MM' },
    ]);
  });

  test('the same records whatever the chunk boundaries (a byte at a time)', () => {
    const bytes = [...stream].map((b) => Buffer.from([b]));
    expect(parse(bytes)).toEqual(parse([stream]));
  });
});

describe('Git.rawLog (real git)', () => {
  test('root commit, modification, deletion, and a merge that resolved a conflict', async () => {
    const r = newRepo();
    write(r, 'f.txt', 'one\n');
    write(r, 'keep.txt', 'k\n');
    commitAll(r, 'root');
    git(r, ['checkout', '-q', '-b', 'side']);
    write(r, 'f.txt', 'side\n');
    commitAll(r, 'side');
    git(r, ['checkout', '-q', 'main']);
    write(r, 'f.txt', 'main\n');
    git(r, ['rm', '-q', 'keep.txt']);
    commitAll(r, 'main');
    gitTry(r, ['merge', '-q', 'side']);
    write(r, 'f.txt', 'resolved\n');
    commitAll(r, 'merge');
    const seen: Array<string | PathChange> = [];
    await new Git(r).rawLog(['--all'], { commit: (s) => seen.push(s), entry: (e) => seen.push(e), wait: () => undefined });
    const shas = git(r, ['rev-list', '--all']).trim().split('\n');
    expect(seen.filter((x) => typeof x === 'string')).toEqual(shas);
    const changes = seen.filter((x): x is PathChange => typeof x !== 'string');
    const resolved = git(r, ['rev-parse', 'HEAD:f.txt']).trim();
    // The merge's record comes first (newest commit) and carries one status letter per parent.
    expect(changes[0]).toEqual({ path: 'f.txt', newMode: '100644', newOid: resolved, status: 'MM' });
    expect(changes.filter((c) => c.path === 'keep.txt').map((c) => c.status)).toEqual(['D', 'A']);
  });
});
