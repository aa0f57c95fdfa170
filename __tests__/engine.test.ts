import { shannonEntropy } from '../src/engine/entropy';
import { isPlaceholder } from '../src/engine/placeholders';
import { CHECKSUMS } from '../src/engine/checksums';
import { redact } from '../src/engine/redact';
import { fingerprint } from '../src/engine/fingerprint';
import { PatchParser } from '../src/diff/patch-parser';
import { unquotePath } from '../src/diff/unquote-path';
import { base64Forms } from '../src/engine/decode';
import type { Fragment } from '../src/sources/fragment';
import { expand } from '../scripts/fixtures/generate';

describe('validators', () => {
  test('entropy separates random from repeated', () => {
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
    expect(shannonEntropy(expand('{alnum:40}', 'e'))).toBeGreaterThan(4);
  });
  test.each(['your-api-key-here', 'xxxxxxxxxxxxxxxx', 'EXAMPLEKEY123', 'abc<key>', 'sk-...', '0123456789abcdef', 'AAAAAAAAbcd'])(
    'placeholder: %s',
    (v) => {
      expect(isPlaceholder(v)).toBe(true);
    },
  );
  test('random keys are not placeholders', () => {
    for (const s of ['a', 'b', 'c', 'd']) expect(isPlaceholder(expand('{b64url:160}', s))).toBe(false);
  });
  test('github checksum accepts generated tokens and rejects a changed one', () => {
    const good = expand('{gh:ghp_}', 'gh');
    expect(CHECKSUMS['github-crc32'](good)).toBe(true);
    expect(CHECKSUMS['github-crc32'](expand('{ghbad:ghp_}', 'gh'))).toBe(false);
  });
  test('crc32-hex8 checksum', () => {
    expect(CHECKSUMS['crc32-hex8'](expand('{crc8:cfut_}', 'cf'))).toBe(true);
    expect(CHECKSUMS['crc32-hex8'](`cfut_${expand('{alnum:40}', 'cf')}deadbeef`)).toBe(false);
  });
  test('redaction keeps the prefix and last four only', () => {
    const k = expand('sk-proj-{b64url:74}T3BlbkFJ{b64url:74}', 'r');
    const r = redact(k, 'sk-proj-');
    expect(r.startsWith('sk-proj-')).toBe(true);
    expect(r.endsWith(k.slice(-4))).toBe(true);
    expect(r.length).toBeLessThan(16);
  });
  test('fingerprint is stable and depends on rule, file and secret only', () => {
    expect(fingerprint('r', 'f', 's')).toBe(fingerprint('r', 'f', 's'));
    expect(fingerprint('r', 'f', 's')).not.toBe(fingerprint('r', 'g', 's'));
  });
  test('base64 forms of a keyword appear in the base64 of any text holding it', () => {
    for (const pre of ['', 'a', 'ab', 'abc']) {
      const enc = Buffer.from(`${pre}T3BlbkFJ-rest`).toString('base64');
      expect(base64Forms('T3BlbkFJ').some((f) => enc.includes(f))).toBe(true);
    }
  });
});

describe('patch parser', () => {
  function parse(text: string): Fragment[] {
    const out: Fragment[] = [];
    const p = new PatchParser((f) => out.push(f));
    p.feed(Buffer.from(text));
    p.end();
    return out;
  }
  test('added lines with their new line numbers, CRLF stripped, "+++" content kept', () => {
    const frags = parse(
      [
        'diff --git a/x.txt b/x.txt',
        'index 1..2 100644',
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -1,0 +2,2 @@',
        '+one\r',
        '++++ plus',
        '@@ -9 +10 @@',
        '-old',
        '+ten',
        '',
      ].join('\n'),
    );
    expect(frags).toEqual([{ file: 'x.txt', lines: ['one', '+++ plus', 'ten'], lineNumbers: [2, 3, 10], commit: undefined }]);
  });
  test('quoted paths and paths with spaces', () => {
    expect(unquotePath('"b/new\\nline.txt"')).toBe('b/new\nline.txt');
    expect(unquotePath('"b/\\321\\217.txt"')).toBe('b/я.txt');
    expect(unquotePath('b/dir with space/f.txt\t')).toBe('b/dir with space/f.txt');
  });
  test('a merge: only lines new against every parent count', () => {
    const frags = parse(
      [
        '\x01LG\x01abc\x01A <a@x>\x012026-01-01T00:00:00Z',
        '',
        'diff --cc conf.txt',
        'index 1,2..3',
        '--- a/conf.txt',
        '+++ b/conf.txt',
        '@@@ -1,1 -1,1 +1,2 @@@',
        '- x = 1',
        ' -x = 2',
        '++resolved',
        ' +from-second-parent',
        '',
      ].join('\n'),
    );
    expect(frags).toHaveLength(1);
    expect(frags[0].lines).toEqual(['resolved']);
    expect(frags[0].lineNumbers).toEqual([1]);
    expect(frags[0].commit?.sha).toBe('abc');
  });
  test('input split at any byte is parsed the same', () => {
    const text = 'diff --git a/ü.txt b/ü.txt\n+++ b/ü.txt\n@@ -0,0 +1 @@\n+café\n';
    const buf = Buffer.from(text);
    for (let cut = 1; cut < buf.length; cut++) {
      const out: Fragment[] = [];
      const p = new PatchParser((f) => out.push(f));
      p.feed(buf.subarray(0, cut));
      p.feed(buf.subarray(cut));
      p.end();
      expect(out[0]).toMatchObject({ file: 'ü.txt', lines: ['café'] });
    }
  });
});
