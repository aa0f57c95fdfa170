/** Pure tests of the list parsers beside git.ts: ls-tree -z, ls-remote, cat-file --batch-check, id lists. */
import { nulItems, objectIds, parseLsRemote, parseLsTree, parseObjectTypes } from '../src/git/parse-lists';

const A = 'a'.repeat(40);
const B = 'b'.repeat(64);

test('ls-tree -z: entries with odd names, each with its mode and type', () => {
  const out = [`100644 blob ${A}\tdir/tab\there`, `160000 commit ${A}\tvendor/sub`, `120000 blob ${A}\tnew\nline`, ''].join('\0');
  expect(parseLsTree(out)).toEqual([
    { mode: '100644', type: 'blob', sha: A, path: 'dir/tab\there' },
    { mode: '160000', type: 'commit', sha: A, path: 'vendor/sub' },
    { mode: '120000', type: 'blob', sha: A, path: 'new\nline' },
  ]);
  expect(parseLsTree('garbage\0')).toEqual([]);
});

test('ls-remote: distinct full ids, peeled tags included, other lines dropped', () => {
  const out = `${A}\tHEAD\n${A}\trefs/heads/main\n${B}\trefs/tags/v1^{}\nwarning: redirecting\n`;
  expect(parseLsRemote(out)).toEqual([A, B]);
});

test('cat-file --batch-check=%(objecttype): one answer per id, null where missing', () => {
  expect(parseObjectTypes(`commit\n${A} missing\ntag\nblob\n`, 4)).toEqual(['commit', null, 'tag', 'blob']);
  expect(parseObjectTypes('', 2)).toEqual([null, null]);
});

test('id lists and NUL lists', () => {
  expect(objectIds(`${A}\n\nnot-an-id\n${B}\n`)).toEqual([A, B]);
  expect(nulItems('a\0b c\0\0')).toEqual(['a', 'b c']);
});
