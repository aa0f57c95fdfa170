/**
 * Keys no single line holds whole: base64 wrapped across lines (76-column `base64`, k8s Secret data,
 * 64-column blobs) and keys written as quoted string pieces (PEM one string per line, a token cut in two).
 * Every key is built here at test time; none is printed.
 */
import path from 'node:path';
import { Engine } from '../src/engine/scan';
import { readProviderFiles, compile } from '../scripts/compile-rules';
import type { Finding } from '../src/engine/finding';
import { expand } from '../scripts/fixtures/generate';
import { wrappedBase64Runs } from '../src/engine/wrapped-base64';
import { literalsOf } from '../src/engine/string-pieces';
import { ROOT } from './support/cli';

const engine = new Engine(compile(readProviderFiles(path.join(ROOT, 'rules'))).rules.rules);

function scan(text: string, file = 'src/app.txt', first = 1): Finding[] {
  const lines = text.split('\n');
  const out: Finding[] = [];
  engine.scan({ file, lines, lineNumbers: lines.map((_, i) => first + i) }, (x) => out.push(x));
  return out;
}

const wrap = (s: string, width: number): string[] => s.match(new RegExp(`.{1,${width}}`, 'g'))!;
const stripe = (seed: string) => `sk_live_${expand('{alnum:32}', seed)}`;
const pem = (seed: string, label = 'PRIVATE KEY') => [
  `-----BEGIN ${label}-----`,
  `MIIE${expand('{b64:60}', seed)}`,
  expand('{b64:64}', seed + 'b'),
  expand('{b64:40}', seed + 'c'),
  `-----END ${label}-----`,
];

describe('base64 wrapped across lines', () => {
  test.each([76, 64, 60])("an env file in base64 at %i columns is found at the run's first line", (width) => {
    const key = stripe(`w${width}`);
    const b64 = Buffer.from(`DATABASE_HOST=db.internal.example\nSTRIPE_SECRET_KEY=${key}\n`).toString('base64');
    const lines = wrap(b64, width);
    const found = scan(['# notes', ...lines, 'done'].join('\n'), 'env.b64', 10);
    expect(found.map((f) => [f.ruleId, f.encoding])).toEqual([[expect.stringContaining('stripe'), 'base64']]);
    // At the run's first line, or at the line that holds the key whole when one does.
    expect(found[0].line).toBeGreaterThanOrEqual(11);
    expect(found[0].line).toBeLessThan(11 + lines.length);
    expect(found[0].secret.length >= 32 && key.startsWith(found[0].secret)).toBe(true);
  });

  test('k8s Secret data pasted with line breaks (value starts after the key name)', () => {
    const key = stripe('k8s');
    const b64 = Buffer.from(`{"token":"${key}","host":"api.internal.example"}`).toString('base64');
    const [head, ...rest] = wrap(b64, 50);
    const yaml = ['apiVersion: v1', 'kind: Secret', 'data:', `  config.json: ${head}`, ...rest.map((l) => `    ${l}`)].join('\n');
    const found = scan(yaml, 'k8s/secret.yaml');
    expect(found.map((f) => f.line)).toEqual([4]);
    expect(found[0].line).toBe(4);
    expect(found[0].secret === key).toBe(true);
  });

  test('a base64 PEM key (k8s tls.key) wrapped across lines is found', () => {
    const b64 = Buffer.from(pem('tls', 'RSA PRIVATE KEY').join('\n') + '\n').toString('base64');
    const found = scan(
      [
        'data:',
        `  tls.key: ${wrap(b64, 76)[0]}`,
        ...wrap(b64, 76)
          .slice(1)
          .map((l) => `    ${l}`),
      ].join('\n'),
      'tls.yaml',
    );
    expect(found.some((f) => f.ruleId.startsWith('private-key') && f.line === 2)).toBe(true);
  });

  test('wrapped base64 kept in one JSON string with \\n escapes', () => {
    const key = stripe('json');
    const b64 = Buffer.from(`# service env\nSTRIPE_SECRET_KEY=${key}\n`).toString('base64');
    const found = scan(`{"name": "svc", "envB64": "${wrap(b64, 40).join('\\n')}\\n"}`, 'deploy.json');
    expect(found.map((f) => [f.line, f.encoding])).toEqual([[1, 'base64']]);
  });

  test('a key a single line already shows is reported once', () => {
    const key = stripe('once');
    const b64 = Buffer.from(`STRIPE_SECRET_KEY=${key}\n`).toString('base64');
    expect(scan(`${b64}\n${Buffer.from('other text, nothing in it at all').toString('base64')}`).map((f) => f.line)).toEqual([1]);
  });

  test('binary blobs, PEM bodies and prose stay quiet', () => {
    expect(scan(pem('cert', 'CERTIFICATE').join('\n')).map((f) => f.ruleId)).toEqual([]);
    expect(scan(wrap(expand('{b64:400}', 'blob'), 76).join('\n')).map((f) => f.ruleId)).toEqual([]);
    expect(scan('Hello\nWorld\nthisIsAnIdentifierName\nanotherIdentifierName').map((f) => f.ruleId)).toEqual([]);
  });

  test('runs are cut at a gap in line numbers and after padding', () => {
    const lines = ['QUJDREVGR0hJSktMTU5PUFFSU1RVVldY', 'WVo=', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY', 'WVo='];
    expect(wrappedBase64Runs(lines, [1, 2, 3, 4]).map((r) => r.idx)).toEqual([0, 2]);
    expect(wrappedBase64Runs(lines.slice(0, 2), [1, 5])).toEqual([]);
  });
});

describe('keys written as quoted string pieces', () => {
  test('PEM key as JS/Java concatenation, one "...\\n" + per line', () => {
    const src = [
      'const PRIVATE_KEY =',
      ...pem('js').map((l, i, a) => `  "${l}\\n"${i < a.length - 1 ? ' +' : ';'}`),
      'module.exports = PRIVATE_KEY;',
    ].join('\n');
    const found = scan(src, 'sign.js', 1);
    expect(found.map((f) => [f.ruleId, f.line])).toEqual([['private-key-inline', 2]]);
  });

  test('PEM key as Python adjacent literals in parentheses', () => {
    const src = ['PRIVATE_KEY = (', ...pem('py', 'RSA PRIVATE KEY').map((l) => `    '${l}\\n'`), ')'].join('\n');
    expect(scan(src, 'sign.py').map((f) => f.line)).toEqual([2]);
  });

  test('PEM key as an array, one string per line', () => {
    const src = ['KEY_LINES = [', ...pem('arr', 'EC PRIVATE KEY').map((l) => `  "${l}",`), ']'].join('\n');
    expect(scan(src, 'key.ts').map((f) => f.line)).toEqual([2]);
  });

  test('a prefixed token cut into pieces with + on one line or across lines', () => {
    const key = stripe('cut');
    const one = scan(`const k = "${key.slice(0, 14)}" + "${key.slice(14)}";`, 'a.js');
    expect(one.map((f) => f.line)).toEqual([1]);
    expect(one[0].secret === key).toBe(true);
    const two = scan(`key = "${key.slice(0, 20)}" +\n      "${key.slice(20)}"`, 'b.rb');
    expect(two.map((f) => f.line)).toEqual([1]);
  });

  test('ordinary concatenated strings and placeholder PEMs stay quiet', () => {
    const code = [
      'const msg = "Hello, " + name + "!";',
      'const url = "https://api.example.com/" +',
      '  "v1/users";',
      'log("password: " + "is required");',
      ...['-----BEGIN PRIVATE KEY-----', '...', '-----END PRIVATE KEY-----'].map((l) => `  "${l}\\n" +`),
      'const t = "sk_live_" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxx";',
    ].join('\n');
    expect(scan(code, 'src/code.js').map((f) => f.ruleId)).toEqual([]);
  });

  test('literalsOf reads pieces, escapes included, and rejects code between them', () => {
    expect(literalsOf('  "a\\"b" + \'c\',')).toEqual({ parts: ['a\\"b', 'c'], lead: '  ' });
    expect(literalsOf('f("a") + g("b")')).toBeUndefined();
    expect(literalsOf('"unterminated')).toBeUndefined();
  });
});
