/**
 * Keys on very long lines (minified bundles, data on one line) are found wherever they sit, however the
 * rule keywords fall around them, and a huge one-line file in history is read in one linear pass.
 */
import { Engine } from '../src/engine/scan';
import path from 'node:path';
import { readProviderFiles, compile } from '../scripts/compile-rules';
import { PatchParser } from '../src/diff/patch-parser';
import { piecesNear, MAX_LINE, REACH } from '../src/engine/windows';
import type { Finding } from '../src/engine/finding';
import type { Fragment } from '../src/sources/fragment';
import { expand } from '../scripts/fixtures/generate';
import { leakguard, newRepo, write, commitAll, git, json, ROOT } from './support/cli';

const engine = new Engine(compile(readProviderFiles(path.join(ROOT, 'rules'))).rules.rules);
const gh = (prefix: string, seed: string): string => expand(`{gh:${prefix}}`, `long:${seed}`);
const fill = (n: number): string => 'a;'.repeat(Math.ceil(n / 2)).slice(0, n);

function findIn(line: string): Finding[] {
  const out: Finding[] = [];
  engine.scan({ file: 'bundle.min.js', lines: [line], lineNumbers: [1] }, (x) => out.push(x));
  return out;
}

describe('keys on long lines', () => {
  test("a token early on the line and another token's prefix later", () => {
    const key = gh('gho_', 'a');
    const line = `${fill(30000)}var t="${key}";${fill(10000)}/* see ghp_ docs */`;
    expect(findIn(line).map((f) => f.secret)).toEqual([key]);
  });

  test('a prefix mention at every distance before the real token', () => {
    for (const gap of [0, 1, 1990, 1997, 2000, 2050, 4095, 4096, 8190, 8200, 9000, 30000]) {
      const key = gh('ghp_', `gap${gap}`);
      const line = `${fill(30000)}/*ghp_*/${'b'.repeat(gap)}"${key}"${fill(10000)}`;
      const found = findIn(line);
      expect({ gap, secrets: found.map((f) => f.secret) }).toEqual({ gap, secrets: [key] });
      expect(found[0].column).toBe(line.indexOf(key) + 1);
    }
  });

  test('many tokens at random places on one line, of several kinds, each found once', () => {
    const parts: string[] = [];
    const keys: string[] = [];
    for (let i = 0; i < 200; i++) {
      const key = gh(['ghp_', 'gho_', 'ghu_', 'ghs_'][i % 4], `many${i}`);
      keys.push(key);
      parts.push(fill((i * 7919) % 9000), `"${key}"`, i % 3 ? 'ghp_' : '');
    }
    const line = parts.join('');
    expect(line.length).toBeGreaterThan(MAX_LINE);
    expect(findIn(line).map((f) => f.secret)).toEqual(keys);
  });

  test('letters that change length in lower case do not shift the windows', () => {
    const key = gh('ghp_', 'turkish');
    const line = `${'\u0130'.repeat(30000)}/*ghp_*/${'b'.repeat(9000)}"${key}"${'\u0130'.repeat(100)}`;
    expect(findIn(line).map((f) => f.secret)).toEqual([key]);
  });

  test('a base64-encoded token deep in a long line is found, reported with the text around it', () => {
    const key = gh('ghp_', 'b64');
    const enc = Buffer.from(`{"token":"${key}","scope":"repo"}`).toString('base64');
    const line = `${fill(60000)}data="${enc}";${fill(60000)}`;
    const found = findIn(line);
    expect(found.map((f) => [f.secret, f.encoding])).toEqual([[key, 'base64']]);
    expect(found[0].column).toBe(line.indexOf(enc) + 1);
    const contextChars = found[0].lineText.length; // the text around the key, not the whole 120k-character line
    const bound = line.length / 100; // a character count, not a time
    expect(contextChars).toBeLessThan(bound);
  });

  test('a line made of nothing but keyword mentions is cut into bounded pieces that cover it', () => {
    const lower = 'ghp_'.repeat(100000);
    const pieces = piecesNear(lower, ['ghp_']);
    expect(pieces[0].from).toBe(0);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i].from).toBe(pieces[i - 1].to);
    expect(pieces[pieces.length - 1].to).toBe(lower.length);
    for (const p of pieces) expect(p.sliceTo - p.sliceFrom).toBeLessThanOrEqual(p.to - p.from + 2 * REACH);
  });

  test('a word boundary at a piece edge is judged on the real text', () => {
    // A token glued to more word characters is not a token; cutting the line must not make it one.
    const key = gh('ghp_', 'glued');
    const line = `${fill(40000)}ghp_${key.slice(4)}${'x'.repeat(50000)}${fill(1000)}`;
    const found = findIn(line).filter((f) => f.secret === key);
    const whole = findIn(line.slice(39000, 39000 + 19000));
    expect(found.length).toBe(whole.filter((f) => f.secret === key).length);
  });
});

describe('huge one-line files through git', () => {
  test('the patch parser joins a line fed in many small chunks, CRLF split across chunks', () => {
    const key = gh('ghp_', 'chunks');
    const body = `${fill(300000)}"${key}"${fill(300000)}`;
    const patch = `diff --git a/x.js b/x.js\n--- /dev/null\n+++ b/x.js\n@@ -0,0 +1,2 @@\n+${body}\r\n+second\n`;
    const frags: Fragment[] = [];
    const p = new PatchParser((f) => frags.push(f));
    const buf = Buffer.from(patch);
    for (let i = 0; i < buf.length; i += 997) p.feed(buf.subarray(i, i + 997));
    p.end();
    expect(frags.flatMap((f) => f.lines)).toEqual([body, 'second']);
  });

  test('staged and history scans find keys on a multi-megabyte line', () => {
    const repo = newRepo();
    const early = gh('gho_', 'git1');
    const late = gh('ghp_', 'git2');
    write(repo, 'min.js', `${fill(1_500_000)}a="${early}";/*ghp_*/${'b'.repeat(1997)}"${late}"${fill(1_500_000)}\n`);
    git(repo, ['add', 'min.js']);
    const staged = leakguard(['scan', '--staged', '--format', 'json'], repo);
    expect(staged.code).toBe(1);
    expect(json(staged).findings.length).toBe(2);
    commitAll(repo, 'big');
    const hist = leakguard(['scan', '--all-history', '--format', 'json'], repo);
    expect(hist.code).toBe(1);
    expect(json(hist).findings.map((f) => f.line)).toEqual([1, 1]);
  });
});
