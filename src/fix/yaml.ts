/**
 * YAML: a key becomes `${VAR}` (the convention of compose files and most config loaders). Inside quotes the
 * quotes stay; a bare value becomes "${VAR}" (a bare `${` would break a flow mapping). The rewrite is
 * accepted only when the documents parse and equal the originals with each key replaced by `${VAR}`.
 */
import { isDeepStrictEqual } from 'node:util';
import { occurrences, type Edit, type Rewrite } from './edits';

function docs(text: string): unknown[] | null {
  const YAML = require('yaml') as typeof import('yaml');
  const all = YAML.parseAllDocuments(Buffer.from(text, 'latin1').toString('utf8'));
  const list = Array.isArray(all) ? all : [all];
  if (list.some((d) => d.errors.length)) return null;
  try {
    return list.map((d) => d.toJS({ maxAliasCount: 1000 }));
  } catch {
    return null;
  }
}

function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [mapStrings(k, f), mapStrings(x, f)]));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [f(k), mapStrings(x, f)]));
  return v;
}

export function rewriteYaml(text: string, secrets: string[], varOf: (s: string) => string): Rewrite {
  const occ = occurrences(text, secrets);
  if (!occ) return { refuse: 'two keys overlap' };
  const before = docs(text);
  if (!before) return { refuse: 'it does not parse as YAML even before the fix' };
  const edits: Edit[] = occ.map((o) => {
    const to = o.at + o.secret.length;
    const q = text[o.at - 1];
    const quoted = (q === '"' || q === "'") && text[to] === q;
    const bare =
      /(^|[:\-[{,]\s|[[{,])\s*$/.test(text.slice(text.lastIndexOf('\n', o.at - 1) + 1, o.at)) &&
      /^[ \t]*($|\r?\n|#|,|\]|\})/.test(text.slice(to, to + 20));
    return { from: o.at, to, text: !quoted && bare ? `"\${${varOf(o.secret)}}"` : `\${${varOf(o.secret)}}`, secret: o.secret };
  });
  let after = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) after = after.slice(0, e.from) + e.text + after.slice(e.to);
  const got = docs(after);
  const want = mapStrings(before, (s) => occ.reduce((x, o) => x.split(o.secret).join(`\${${varOf(o.secret)}}`), s));
  if (!got) return { refuse: 'the rewrite would not parse as YAML' };
  if (!isDeepStrictEqual(got, want)) return { refuse: 'the rewrite would change more than the key in the YAML data' };
  return { edits };
}
