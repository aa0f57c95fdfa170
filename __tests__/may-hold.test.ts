/**
 * Soundness of the byte check a history audit runs on every blob (engine/may-hold.ts): whenever the engine
 * finds anything in a text, `mayHold` of that text's bytes must be true, or the first pass drops a commit
 * the patch pass would have reported. Every rule example (positive and negative) is written in many
 * wrappings (encodings, code, wrapped base64, escapes...) and scanned as lines, whole and as contiguous
 * slices (a patch adds only some lines of the blob); a finding in any of them with `mayHold` false is a
 * counterexample, listed by rule id and wrapping (never the secret itself).
 */
import path from 'node:path';
import zlib from 'node:zlib';
import { readProviderFiles } from '../scripts/compile-rules';
import { expand } from '../scripts/fixtures/generate';
import { Rng } from '../scripts/fixtures/rng';
import type { Finding } from '../src/engine/finding';
import { ROOT } from './support/cli';

const built = (m: string) => require(path.join(ROOT, 'dist', 'src', m)) as unknown;
const { Engine } = built('engine/scan') as typeof import('../src/engine/scan');
const { builtinRules, builtinPrefilter } = built('rules/load') as typeof import('../src/rules/load');
const engine = new Engine(builtinRules(), builtinPrefilter());

/** Every line-rule example, expanded with one seed (the wrappings and slices make the variety). */
const TEXTS: Array<{ rule: string; text: string }> = [];
for (const spec of readProviderFiles(path.join(ROOT, 'rules')))
  for (const rule of spec.rules) {
    if (rule.fileName) continue;
    const all = [...(rule.examples?.positive ?? []), ...(rule.examples?.negative ?? [])];
    for (const [i, t] of all.entries())
      for (const seed of ['a']) TEXTS.push({ rule: rule.id, text: expand(t, `${rule.id}:mh${i}:${seed}`) });
  }

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const wrapAt = (s: string, n: number, nl = '\n') => (s.match(new RegExp(`.{1,${n}}`, 'g')) ?? ['']).join(nl);
const hex2 = (b: number) => b.toString(16).padStart(2, '0');
const bytes = (t: string) => [...Buffer.from(t)];
const perLine = (t: string, f: (l: string) => string) => t.split('\n').map(f).join('\n');
/** Escapes every `every`-th character of each line (1: all of them). */
const escapeSome = (t: string, esc: (c: string) => string, every: number) =>
  perLine(t, (l) => [...l].map((c, i) => (i % every === 0 && c.charCodeAt(0) < 128 ? esc(c) : c)).join(''));
const code = (c: string) => c.charCodeAt(0);

/** Quoted-printable: `=` and non-ASCII as =XX, soft breaks (`=` ending a line) every `width` characters. */
function quotedPrintable(t: string, width: number): string {
  return perLine(t, (l) => {
    const enc = Buffer.from(l)
      .reduce<string[]>((out, b) => [...out, b === 61 || b > 126 || b < 32 ? `=${hex2(b).toUpperCase()}` : String.fromCharCode(b)], [])
      .join('');
    const out: string[] = [];
    let line = '';
    for (const tok of enc.match(/=[0-9A-F]{2}|[\s\S]/g) ?? []) {
      if (line.length + tok.length > width - 1) {
        out.push(line + '=');
        line = '';
      }
      line += tok;
    }
    return [...out, line].join('\n');
  });
}

/** The text cut into quoted pieces of `n` characters, one a line, joined with `+`. */
const pieces = (t: string, n: number) =>
  'const key =\n' +
  (
    JSON.stringify(t)
      .slice(1, -1)
      .match(new RegExp(`.{1,${n}}`, 'g')) ?? []
  )
    .map((p) => `  "${p}"`)
    .join(' +\n') +
  ';';

const WRAPS: Record<string, (t: string) => string> = {
  plain: (t) => t,
  'code lines': (t) => perLine(t, (l) => `    const value = "${l}"; // set here`),
  'yaml block': (t) => 'settings:\n  secret: |\n' + perLine(t, (l) => `    ${l}`) + '\n',
  'env file': (t) => `# env\nFOO=bar\n${t}\nBAR=baz\n`,
  'base64 one line': (t) => b64(t),
  'base64 of a file': (t) => wrapAt(b64(`# config\n${t}\nend\n`), 76),
  'base64 60': (t) => wrapAt(b64(t), 60),
  'base64 64': (t) => wrapAt(b64(t), 64),
  'base64 76': (t) => wrapAt(b64(t), 76),
  'base64 64 after key:': (t) => 'key: ' + wrapAt(b64(t), 64),
  'base64 76 quoted': (t) => '"' + wrapAt(b64(t), 76, '"\n"') + '"',
  'base64 k8s Secret': (t) => 'data:\n  tls.key: |\n' + perLine(wrapAt(b64(t), 76), (l) => `    ${l}`),
  'base64 76 CRLF': (t) => wrapAt(b64(t), 76, '\r\n') + '\r\n',
  'base64 of base64': (t) => wrapAt(b64(b64(t)), 76),
  'gzip base64': (t) => b64(zlib.gzipSync(t)),
  'gzip base64 76': (t) => wrapAt(b64(zlib.gzipSync(t)), 76),
  hex: (t) => Buffer.from(t).toString('hex'),
  'percent all': (t) =>
    'url=' +
    bytes(t)
      .map((b) => '%' + hex2(b).toUpperCase())
      .join(''),
  'percent uri': (t) => 'https://example.com/cb?token=' + encodeURIComponent(t),
  'percent some': (t) => escapeSome(t, (c) => '%' + hex2(code(c)), 3),
  '\\u00XX all': (t) => escapeSome(t, (c) => '\\u00' + hex2(code(c)), 1),
  '\\u00XX some': (t) => escapeSome(t, (c) => '\\u00' + hex2(code(c)).toUpperCase(), 4),
  '\\u{XX}': (t) => escapeSome(t, (c) => `\\u{${hex2(code(c))}}`, 2),
  '\\xXX': (t) => escapeSome(t, (c) => '\\x' + hex2(code(c)), 2),
  'html decimal': (t) => escapeSome(t, (c) => `&#${code(c)};`, 2),
  'html hex': (t) => escapeSome(t, (c) => `&#x${hex2(code(c))};`, 1),
  'quoted-printable 76': (t) => quotedPrintable(t, 76),
  'quoted-printable 20': (t) => quotedPrintable(t, 20),
  'json \\n string': (t) => `{"key": ${JSON.stringify(t)}}`,
  'json base64 \\n string': (t) => `{"key": "${wrapAt(b64(t), 64, '\\n')}"}`,
  'string pieces 16': (t) => pieces(t, 16),
  'string pieces 40': (t) => pieces(t, 40),
  'python adjacent': (t) => 'KEY = (\n' + perLine(t, (l) => `    "${l}\\n"`) + '\n)',
  'UTF-8 BOM': (t) => '\ufeff' + t,
  CRLF: (t) => t.replace(/\n/g, '\r\n') + '\r\n',
  'CRLF code': (t) => perLine(t, (l) => `  key = "${l}"\r`),
  'long line': (t) => 'x = "' + 'ab'.repeat(15000) + '" ' + t.replace(/\n/g, ' '),
  'non-ASCII around': (t) => perLine(t, (l) => `\u00a0${l}\u3000é`),
};

/** The lines of a text as each pass sees them: the patch keeps a line's CR, the blob reader drops it. */
function splits(text: string): string[][] {
  const raw = text.split('\n');
  return [raw, raw.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))];
}

function finds(lines: string[]): Finding | undefined {
  let first: Finding | undefined;
  engine.scan({ file: 'x.txt', lines, lineNumbers: lines.map((_, i) => i + 1) }, (f) => (first ??= f));
  return first;
}

/** Slices where the engine finds something that it does not find in the whole text (see the last test). */
const notMonotone = new Set<string>();
let tried = 0;
let found = 0;
afterAll(() => console.log(`may-hold: ${tried} texts, ${found} with a finding`));

describe.each(Object.keys(WRAPS))('mayHold is true wherever the engine finds something: %s', (wrap) => {
  test('whole texts and contiguous slices', () => {
    const rng = new Rng(wrap);
    const bad = new Set<string>();
    let hits = 0;
    for (const { rule, text: t } of TEXTS) {
      const text = WRAPS[wrap](t);
      const holds = engine.mayHold(Buffer.from(text));
      for (const lines of splits(text)) {
        const slices = [lines];
        for (let k = 0; k < 4 && lines.length > 1; k++) {
          const a = Math.floor(rng.next() * lines.length);
          const b = a + 1 + Math.floor(rng.next() * (lines.length - a));
          slices.push(lines.slice(a, b));
        }
        let whole: Finding | undefined;
        for (const [i, s] of slices.entries()) {
          tried++;
          const f = finds(s);
          if (i === 0) whole = f;
          if (!f) continue;
          if (!whole && !engine.readsAcrossLines({ file: 'x.txt', lines, lineNumbers: lines.map((_, n) => n + 1) }))
            notMonotone.add(`${wrap} | ${rule} -> ${f.ruleId} in lines ${lines.indexOf(s[0])}+${s.length} of ${lines.length}`);
          found++;
          hits++;
          if (!holds) bad.add(`${rule} (${i ? 'slice' : 'whole'}) -> ${f.ruleId}`);
        }
      }
    }
    expect([...bad]).toEqual([]);
    // The wrapping hides nothing from the engine in at least some texts: the property was really tried.
    expect(hits).toBeGreaterThan(0);
  });
});

test('mayHold is not simply true: ordinary text, code and short base64 lines hold nothing', () => {
  const clean = [
    'The quick brown fox jumps over the lazy dog.\nA second line of prose.\n',
    'function add(a, b) {\n  return a + b;\n}\n',
    'import os\nprint(os.getcwd())\n',
    'width: 100px; height: 50px\r\ncolor: red\r\n',
  ];
  for (const t of clean) expect({ t, holds: engine.mayHold(Buffer.from(t)) }).toEqual({ t, holds: false });
});

/**
 * The triage's other premise: a blob with nothing found in it whole has nothing in any patch (a patch adds
 * some of its lines) unless part of it is read otherwise than the whole. Lines around a slice can veto or
 * spoil a finding (a "..." below a PEM header, a header above a DER body, a base64 tail line joined to a
 * wrapped run, a string piece glued to a key): every such text must be one Engine.readsAcrossLines names.
 */
test('a slice finds nothing the whole text does not, unless the whole is read across lines', () => {
  expect([...notMonotone]).toEqual([]);
});
