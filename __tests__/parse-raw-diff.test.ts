/** `git diff --raw -z` parsing: pure tests of the record shapes, then the same records read from real git. */
import fs from 'node:fs';
import path from 'node:path';
import { parseRawDiff, RawDiffSplitter, SUBMODULE_MODE, SYMLINK_MODE } from '../src/git/parse-raw-diff';
import { Git } from '../src/git';
import { commitAll, git, newRepo, write } from './support/cli';

const S1 = '1'.repeat(40);
const S2 = '2'.repeat(40);
const Z = '0'.repeat(40);
const rec = (meta: string, ...paths: string[]) => `:${meta}\0${paths.map((p) => `${p}\0`).join('')}`;

describe('parseRawDiff (pure)', () => {
  test('an added file, a modification, a mode change, a deletion', () => {
    const out =
      rec(`000000 100644 ${Z} ${S1} A`, 'new.txt') +
      rec(`100644 100644 ${S1} ${S2} M`, 'dir/changed.js') +
      rec(`100644 100755 ${S1} ${S1} M`, 'run.sh') +
      rec(`100644 000000 ${S1} ${Z} D`, 'gone.txt');
    const es = parseRawDiff(out);
    expect(es.map((e) => [e.status, e.path, e.dstMode])).toEqual([
      ['A', 'new.txt', '100644'],
      ['M', 'dir/changed.js', '100644'],
      ['M', 'run.sh', '100755'],
      ['D', 'gone.txt', '000000'],
    ]);
    expect(es[0]).toEqual({ srcMode: '000000', dstMode: '100644', srcSha: Z, dstSha: S1, status: 'A', path: 'new.txt' });
  });

  test('renames and copies carry a score and two paths (old, then new)', () => {
    const es = parseRawDiff(
      rec(`100644 100644 ${S1} ${S2} R086`, 'old name.txt', 'new name.txt') + rec(`100644 100644 ${S1} ${S1} C100`, 'a', 'b'),
    );
    expect(es[0]).toMatchObject({ status: 'R', score: 86, oldPath: 'old name.txt', path: 'new name.txt' });
    expect(es[1]).toMatchObject({ status: 'C', score: 100, oldPath: 'a', path: 'b' });
  });

  test('submodules, symlinks and type changes are told by their modes', () => {
    const es = parseRawDiff(
      rec(`000000 ${SUBMODULE_MODE} ${Z} ${S1} A`, 'vendor/lib') +
        rec(`000000 ${SYMLINK_MODE} ${Z} ${S2} A`, 'link') +
        rec(`100644 ${SYMLINK_MODE} ${S1} ${S2} T`, 'was-a-file'),
    );
    expect(es.map((e) => [e.path, e.dstMode, e.status])).toEqual([
      ['vendor/lib', SUBMODULE_MODE, 'A'],
      ['link', SYMLINK_MODE, 'A'],
      ['was-a-file', SYMLINK_MODE, 'T'],
    ]);
  });

  test('names are byte for byte: tabs, newlines, quotes, backslashes, non-ASCII, a leading colon, spaces', () => {
    const names = ['tab\there.txt', 'new\nline.txt', 'quo"te.txt', 'back\\slash', 'ünïcødé.txt', ':100644 looks like meta', '  spaced  '];
    const es = parseRawDiff(names.map((n) => rec(`000000 100644 ${Z} ${S1} A`, n)).join(''));
    expect(es.map((e) => e.path)).toEqual(names);
  });

  test('SHA-256 ids and the NUL that ends the records before a patch', () => {
    const long = 'a'.repeat(64);
    const patch = 'diff --git a/x b/x\n+hello\n';
    const rest: Buffer[] = [];
    const s = new RawDiffSplitter((b) => rest.push(b));
    s.feed(Buffer.from(rec(`000000 100644 ${'0'.repeat(64)} ${long} A`, 'x') + '\0' + patch));
    expect(s.end()[0].dstSha).toBe(long);
    expect(Buffer.concat(rest).toString()).toBe(patch);
  });

  test('records and patch split at every byte boundary give the same result', () => {
    const input = Buffer.from(
      rec(`100644 100644 ${S1} ${S2} R090`, 'ä/old', 'ä/new') + rec(`000000 100644 ${Z} ${S1} A`, 'b') + '\0diff --git a/b b/b\n+x\n',
    );
    for (const size of [1, 2, 3, 7, 50]) {
      const rest: Buffer[] = [];
      const s = new RawDiffSplitter((b) => rest.push(b));
      for (let i = 0; i < input.length; i += size) s.feed(input.subarray(i, i + size));
      expect(s.end().map((e) => e.path)).toEqual(['ä/new', 'b']);
      expect(Buffer.concat(rest).toString()).toBe('diff --git a/b b/b\n+x\n');
    }
  });

  test('empty output, a stream with no records, a record cut short', () => {
    expect(parseRawDiff('')).toEqual([]);
    const rest: Buffer[] = [];
    const s = new RawDiffSplitter((b) => rest.push(b));
    s.feed(Buffer.from('diff --git a/x b/x\n'));
    expect(s.end()).toEqual([]);
    expect(Buffer.concat(rest).toString()).toBe('diff --git a/x b/x\n');
    expect(parseRawDiff(`:000000 100644 ${Z} ${S1} A\0unterminated`)).toEqual([]);
  });
});

describe('git.stagedEntries (real git)', () => {
  test('reads what the index holds against HEAD, exact names, one process for records and patch', async () => {
    const r = newRepo();
    write(r, 'keep.txt', 'a\n');
    write(r, 'move-me.txt', 'line one\nline two\nline three\n');
    commitAll(r, 'init');
    const sub = git(r, ['rev-parse', 'HEAD']).trim();
    git(r, ['mv', 'move-me.txt', 'moved.txt']);
    write(r, 'tab\tand\nnewline.txt', 'odd\n');
    fs.symlinkSync('keep.txt', path.join(r, 'link'));
    git(r, ['add', '-A']);
    git(r, ['update-index', '--add', '--cacheinfo', `${SUBMODULE_MODE},${sub},vendor/sub`]);
    const patch: Buffer[] = [];
    const es = await new Git(r).stagedEntries({ onPatch: (b) => patch.push(b) });
    const by = Object.fromEntries(es.map((e) => [e.path, e]));
    expect(Object.keys(by).sort()).toEqual(['link', 'moved.txt', 'tab\tand\nnewline.txt', 'vendor/sub']);
    expect(by['moved.txt']).toMatchObject({ status: 'R', oldPath: 'move-me.txt' });
    expect(by.link.dstMode).toBe(SYMLINK_MODE);
    expect(by['vendor/sub']).toMatchObject({ dstMode: SUBMODULE_MODE, dstSha: sub });
    const text = Buffer.concat(patch).toString();
    expect(text.startsWith('diff --git ')).toBe(true);
    expect(text).toContain('+odd');
    expect(await new Git(r).stagedEntries()).toEqual(es);
  });

  test('before the first commit everything staged is added', async () => {
    const r = newRepo();
    write(r, 'first.txt', 'x\n');
    git(r, ['add', '.']);
    expect((await new Git(r).stagedEntries()).map((e) => [e.status, e.path])).toEqual([['A', 'first.txt']]);
  });
});
