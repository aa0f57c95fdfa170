/** Keys written in other encodings: unicode/hex escapes, HTML entities, gzip then base64. Keys are built at test time. */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Engine } from '../src/engine/scan';
import { readProviderFiles, compile } from '../scripts/compile-rules';
import type { Finding } from '../src/engine/finding';
import { expand } from '../scripts/fixtures/generate';
import { unescapeChars } from '../src/engine/decode';
import { ROOT } from './support/cli';

const engine = new Engine(compile(readProviderFiles(path.join(ROOT, 'rules'))).rules.rules);
const scan = (text: string, file = 'src/app.js'): Array<[string, number, string | undefined]> => {
  const lines = text.split('\n');
  const out: Finding[] = [];
  engine.scan({ file, lines, lineNumbers: lines.map((_, i) => i + 1) }, (x) => out.push(x));
  return out.map((f) => [f.ruleId, f.line, f.encoding]);
};
const key = (seed: string) => `sk_live_${expand('{alnum:32}', seed)}`;
const each = (s: string, f: (c: string) => string) => [...s].map(f).join('');
const hex = (c: string, w: number) => c.charCodeAt(0).toString(16).padStart(w, '0');

describe('keys in character escapes', () => {
  test.each([
    ['\\u0073', (k: string) => `const k = "${each(k.slice(0, 2), (c) => `\\u${hex(c, 4)}`)}${k.slice(2)}";`],
    ['all \\uXXXX', (k: string) => `const k = "${each(k, (c) => `\\u${hex(c, 4)}`)}";`],
    ['\\xXX', (k: string) => `k = "${each(k, (c) => `\\x${hex(c, 2)}`)}"`],
    ['decimal entities', (k: string) => `<div data-key="${each(k, (c) => `&#${c.charCodeAt(0)};`)}"></div>`],
    ['hex entities', (k: string) => `<div data-key="${each(k, (c) => `&#x${hex(c, 2)};`)}"></div>`],
  ])('%s', (_name, write) => {
    expect(scan(write(key(_name)))).toEqual([['stripe-secret-key', 1, 'escapes']]);
  });

  test('a key shown plainly on a line with escapes is reported once', () => {
    expect(scan(`x = "\\u0041 ${key('plain')}"`)).toEqual([['stripe-secret-key', 1, undefined]]);
  });

  test('unescapeChars leaves lines without escapes alone', () => {
    expect(unescapeChars('const re = /\\d+/;')).toBeUndefined();
    expect(unescapeChars('a &amp; &#65;')).toBe('a & A');
  });

  test('escaped ordinary text stays quiet', () => {
    expect(scan('msg = "\\u0048\\u0065llo &#87;orld, the \\x41PI is down"')).toEqual([]);
  });
});

describe('gzip then base64', () => {
  const blob = (k: string) => gzipSync(Buffer.from(`HOST=db.internal.example\nSTRIPE_SECRET_KEY=${k}\n`)).toString('base64');
  test('on one line', () => {
    expect(scan(`payload: ${blob(key('gz1'))}`, 'cfg.yaml')).toEqual([['stripe-secret-key', 1, 'gzip+base64']]);
  });
  test('wrapped at 76 columns', () => {
    const lines = blob(key('gz2')).match(/.{1,76}/g)!;
    expect(lines.length).toBeGreaterThan(1);
    expect(scan(['# data', ...lines].join('\n'), 'data.b64')).toEqual([['stripe-secret-key', 2, 'gzip+base64']]);
  });
  test('gzip of ordinary text stays quiet', () => {
    expect(scan(gzipSync(Buffer.from('just some ordinary configuration text here\n')).toString('base64'), 'x.b64')).toEqual([]);
  });
});

describe('quoted-printable', () => {
  test('a key cut by a soft line break is joined and found at the run start', () => {
    const k = key('qp');
    const mail = [
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Here is the payment config for the new service, please keep it u=',
      `se STRIPE_SECRET_KEY=3D${k.slice(0, 18)}=`,
      `${k.slice(18)} thanks`,
    ].join('\n');
    expect(scan(mail, 'note.eml')).toContainEqual(['stripe-secret-key', 3, 'quoted-printable']);
  });
  test('code lines ending in = stay quiet', () => {
    expect(scan('const total =\n  price * count;\nconst label =\n  "sk_live_" + suffix;')).toEqual([]);
  });
});
