/**
 * Rewrites the key occurrences in a source file so the code reads environment variables: a whole string
 * literal becomes the language's env read (the quotes and any prefix go too); a key inside a longer string
 * becomes an interpolation (JS template, Python f-string) or a concatenation where the neighbours make that
 * safe; a key in a comment becomes the variable's name. Anything else is refused with a reason.
 */
import { envReadFor } from '../report/env-read';
import { lex, tokenAt, type Lang, type Token } from './lex';
import { lineOf, occurrences, type Edit, type Rewrite } from './edits';

const BEFORE_OK = /(^|[=(,[{:?+]|=>|\breturn)\s*$/;
const AFTER_OK = /^\s*($|[,)\]};:+]|\/\/|#)/;
const CONCAT_EXT = /\.(js|cjs|mjs|jsx|ts|tsx|mts|cts|py|go|rb|java|kt|cs|swift)$/i;

function read(file: string, lang: Lang, envVar: string, t: Token | undefined): string {
  const r = envReadFor(file, envVar) ?? envVar;
  return lang === 'py' && t && /[bB]/.test(t.prefix) ? `${r}.encode()` : r;
}

function lineAround(text: string, at: number): [string, string] {
  const s = text.lastIndexOf('\n', at - 1) + 1;
  const e = text.indexOf('\n', at);
  return [text.slice(s, at), text.slice(at, e === -1 ? text.length : e)];
}

/** Why a whole literal here cannot become an expression, or null. */
function constantContext(text: string, t: Token, lang: Lang, file: string): string | null {
  const [before] = lineAround(text, t.start);
  if (t.kind === 'template' && /[\w$)\]]\s*$/.test(before)) return 'it is a tagged template';
  if (lang === 'go') {
    if (/^\s*const\b/.test(before)) return 'Go constants cannot read the environment';
    const lines = text.slice(0, t.start).split('\n').reverse();
    for (const l of lines.slice(1)) {
      if (/^\)/.test(l) || /^(func|var|type|import)\b/.test(l)) break;
      if (/^const\s*\(/.test(l)) return 'Go constants cannot read the environment';
    }
  }
  if (lang === 'c' && /(\bcase\s+|@\w+\s*\([^)]*|\bconst\b.*)$/.test(before)) return 'the value must be a constant here';
  if (
    lang === 'js' &&
    (/^\s*(export\s+)?(declare\s+)?(const\s+enum\b|enum\s+\w|type\s+\w|import\b|declare\b)/.test(before) || /\bfrom\s*$/.test(before))
  )
    return 'the string is not a value here';
  if (
    /\.(ts|tsx|mts|cts)$/i.test(file) &&
    /\benum\b/.test(text.slice(Math.max(0, t.start - 400), t.start)) &&
    /^\s*\w+\s*=\s*$/.test(before)
  )
    return 'TypeScript enum members must be constants';
  return null;
}

function inString(
  text: string,
  file: string,
  lang: Lang,
  t: Token,
  occ: { at: number; secret: string }[],
  varOf: (s: string) => string,
): Edit[] | string {
  for (const o of occ) if (/(^|[^\\])(\\\\)*\\$/.test(text.slice(t.body[0], o.at))) return 'the key follows an escape character';
  if (t.body[1] === t.end && t.quote) return 'the string is not closed';
  const whole = occ.length === 1 && occ[0].at === t.body[0] && occ[0].at + occ[0].secret.length === t.body[1];
  if (whole) {
    const why = constantContext(text, t, lang, file);
    const expr = read(file, lang, varOf(occ[0].secret), t);
    const jsxAttr = /\.(jsx|tsx)$/i.test(file) && /<[\w.]+(\s[^<>]*)?\s[\w-]+=$/.test(lineAround(text, t.start)[0]);
    return why ?? [{ from: t.start, to: t.end, text: jsxAttr ? `{${expr}}` : expr, secret: occ[0].secret }];
  }
  if (t.kind === 'template')
    return occ.map((o) => ({
      from: o.at,
      to: o.at + o.secret.length,
      text: `\${${read(file, lang, varOf(o.secret), t)}}`,
      secret: o.secret,
    }));
  if (lang === 'py' && /[fF]/.test(t.prefix) && !/[bB]/.test(t.prefix)) {
    const other = t.quote.length === 3 ? "'" : t.quote === '"' ? "'" : '"';
    return occ.map((o) => ({
      from: o.at,
      to: o.at + o.secret.length,
      text: `{${read(file, lang, varOf(o.secret), t).replace(/"/g, other)}}`,
      secret: o.secret,
    }));
  }
  const [before] = lineAround(text, t.start);
  const [, after] = lineAround(text, t.end);
  if (!CONCAT_EXT.test(file) || /[bBfF]/.test(t.prefix) || t.quote.length === 3 || text.slice(t.start, t.end).includes('\n'))
    return 'the key is part of a longer string that leakguard cannot split safely';
  if (!BEFORE_OK.test(before) || !AFTER_OK.test(after))
    return 'the key is part of a longer string, and splitting it here could change what the code means';
  const lit = (from: number, to: number) => (from < to ? `${t.prefix}${t.quote}${text.slice(from, to)}${t.quote}` : '');
  const parts: string[] = [];
  let from = t.body[0];
  for (const o of occ) {
    parts.push(lit(from, o.at), read(file, lang, varOf(o.secret), t));
    from = o.at + o.secret.length;
  }
  parts.push(lit(from, t.body[1]));
  return [{ from: t.start, to: t.end, text: parts.filter(Boolean).join(' + '), secret: occ[0].secret }];
}

export function rewriteCode(file: string, lang: Lang, text: string, secrets: string[], varOf: (s: string) => string): Rewrite {
  const occ = occurrences(text, secrets);
  if (!occ) return { refuse: 'two keys overlap' };
  const tokens = lex(text, lang);
  const byToken = new Map<Token, { at: number; secret: string }[]>();
  const edits: Edit[] = [];
  for (const o of occ) {
    const t = tokenAt(tokens, o.at, o.at + o.secret.length);
    if (!t) return { refuse: `the key on line ${lineOf(text, o.at)} is not inside a string leakguard can rewrite` };
    if (t.kind === 'comment') {
      edits.push({ from: o.at, to: o.at + o.secret.length, text: varOf(o.secret), secret: o.secret });
      continue;
    }
    byToken.set(t, [...(byToken.get(t) ?? []), o]);
  }
  let code = false;
  for (const [t, list] of byToken) {
    const r = inString(text, file, lang, t, list, varOf);
    if (typeof r === 'string') return { refuse: `line ${lineOf(text, list[0].at)}: ${r}` };
    edits.push(...r);
    code = true;
  }
  return { edits, imports: code && lang === 'py' ? 'py-os' : code && lang === 'go' ? 'go-os' : undefined };
}
