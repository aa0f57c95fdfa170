/**
 * Finds the string literals and comments of a source file (offsets into the text), enough to tell what a
 * key occurrence sits in. Not a full parser: `fix` checks every result with the language's own parser
 * where one is at hand, and refuses anything it cannot place.
 */
export type TokenKind = 'string' | 'template' | 'comment';

export interface Token {
  kind: TokenKind;
  start: number; // prefix included
  end: number;
  /** The content between the quotes. */
  body: [number, number];
  quote: string; // ", ', `, """ or '''
  prefix: string; // Python string prefix (f, rb, ...), else ''
}

export type Lang = 'js' | 'py' | 'go' | 'c' | 'rb';

/** A `/` starts a JS regex literal after these (else it divides). */
const REGEX_AFTER = /(^|[(,=:[!&|?{};+\-*%<>~^])$|\b(return|typeof|case|do|else|in|of|void|yield|await)$/;

export function langOf(file: string): Lang | null {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  if (['js', 'cjs', 'mjs', 'jsx', 'ts', 'tsx', 'mts', 'cts'].includes(ext)) return 'js';
  if (ext === 'py') return 'py';
  if (ext === 'go') return 'go';
  if (ext === 'rb') return 'rb';
  if (['java', 'kt', 'cs', 'php', 'rs', 'swift'].includes(ext)) return 'c';
  return null;
}

export function lex(text: string, lang: Lang): Token[] {
  const out: Token[] = [];
  const n = text.length;
  const hashComments = lang === 'py' || lang === 'rb';
  const backtick = lang === 'js' || lang === 'go';
  let recent = ''; // the last few characters of code, for the regex/division guess
  const readString = (q: string, from: number, raw: boolean): number => {
    const multi = q.length === 3 || q === '`';
    for (let j = from; j < n; j++) {
      if (text[j] === '\\' && (!raw || lang === 'py')) {
        j++;
        continue;
      } // a Python raw string still cannot end on \"
      if (text.startsWith(q, j)) return j + q.length;
      if (!multi && text[j] === '\n') return j;
    }
    return n;
  };
  const readTemplate = (from: number): number => {
    // `${...}` holds code that may hold strings and templates
    for (let j = from; j < n; j++) {
      if (text[j] === '\\') {
        j++;
        continue;
      }
      if (text[j] === '`') return j + 1;
      if (text.startsWith('${', j)) j = code(j + 2, true) - 1;
    }
    return n;
  };
  const push = (kind: TokenKind, start: number, end: number, body: [number, number], quote = '', prefix = '') =>
    out.push({ kind, start, end, body, quote, prefix });
  const code = (from: number, inBraces: boolean): number => {
    let depth = 0;
    for (let j = from; j < n;) {
      const c = text[j];
      if (hashComments ? c === '#' : text.startsWith('//', j)) {
        const e = text.indexOf('\n', j);
        const end = e === -1 ? n : e;
        push('comment', j, end, [j, end]);
        j = end;
        continue;
      }
      if (!hashComments && text.startsWith('/*', j)) {
        const e = text.indexOf('*/', j + 2);
        push('comment', j, e === -1 ? n : e + 2, [j + 2, e === -1 ? n : e]);
        j = e === -1 ? n : e + 2;
        continue;
      }
      if (c === '"' || c === "'" || (c === '`' && backtick)) {
        const m = lang === 'py' ? /(?:^|[^A-Za-z0-9_])([rRbBuUfF]{1,2})$/.exec(text.slice(Math.max(0, j - 3), j)) : null;
        const prefix = m ? m[1] : '';
        const q = lang === 'py' && text.startsWith(c.repeat(3), j) ? c.repeat(3) : c;
        const bodyStart = j + q.length;
        const end = c === '`' && lang === 'js' ? readTemplate(bodyStart) : readString(q, bodyStart, c === '`' || /[rR]/.test(prefix));
        const closed = end - q.length >= bodyStart && text.startsWith(q, end - q.length);
        push(
          c === '`' && lang === 'js' ? 'template' : 'string',
          j - prefix.length,
          end,
          [bodyStart, closed ? end - q.length : end],
          q,
          prefix,
        );
        j = end;
        recent = '"';
        continue;
      }
      if (lang === 'js' && c === '/' && REGEX_AFTER.test(recent.trimEnd())) {
        let k = j + 1;
        for (let cls = false; k < n && text[k] !== '\n'; k++) {
          if (text[k] === '\\') {
            k++;
            continue;
          }
          if (text[k] === '[') cls = true;
          else if (text[k] === ']') cls = false;
          else if (text[k] === '/' && !cls) break;
        }
        j = k + 1;
        recent = 'x';
        continue;
      }
      if (inBraces && c === '{') depth++;
      if (inBraces && c === '}' && depth-- === 0) return j + 1;
      recent = (recent + (/\s/.test(c) ? ' ' : c)).slice(-12);
      j++;
    }
    return n;
  };
  code(0, false);
  return out.sort((a, b) => a.start - b.start);
}

/** The innermost token that holds [from, to), or undefined when the span is in plain code. */
export function tokenAt(tokens: Token[], from: number, to: number): Token | undefined {
  let best: Token | undefined;
  for (const t of tokens) if (t.start <= from && to <= t.end && (!best || t.end - t.start < best.end - best.start)) best = t;
  return best;
}
