/**
 * Shell scripts: where each key occurrence sits (unquoted word, '…', "…", a here-document, a comment, or
 * inside a command substitution), and the rewrite that reads "${VAR}" there without changing the value.
 * Command substitutions, $'…' strings and quoted here-documents are refused.
 */
import { lineOf, occurrences, type Edit, type Rewrite } from './edits';

type Kind = 'word' | 'single' | 'double' | 'heredoc' | 'comment' | 'unsafe';
interface Region {
  kind: Kind;
  start: number;
  end: number;
  body: [number, number];
}

function regions(text: string): Region[] {
  const out: Region[] = [];
  const n = text.length;
  const pending: { delim: string; quoted: boolean; strip: boolean }[] = [];
  let i = 0;
  const bodyOfHeredocs = () => {
    // here-documents start on the line after their `<<`
    for (const h of pending.splice(0)) {
      const start = i;
      for (;;) {
        const e = text.indexOf('\n', i);
        const line = text.slice(i, e === -1 ? n : e).replace(/\r$/, '');
        const next = e === -1 ? n : e + 1;
        if ((h.strip ? line.replace(/^\t+/, '') : line) === h.delim || next >= n) {
          out.push({ kind: h.quoted ? 'unsafe' : 'heredoc', start, end: i, body: [start, i] });
          i = next;
          break;
        }
        i = next;
      }
    }
  };
  const closeOf = (from: number, open: string, close: string): number => {
    // a $(...) or `...`, skipped as a whole
    let depth = 1;
    for (let j = from; j < n; j++) {
      if (text[j] === '\\') {
        j++;
        continue;
      }
      if (close === '`' && text[j] === '`') return j + 1;
      if (close !== '`' && text[j] === open) depth++;
      if (close !== '`' && text[j] === close && --depth === 0) return j + 1;
    }
    return n;
  };
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      i++;
      if (pending.length) bodyOfHeredocs();
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]))) {
      const e = text.indexOf('\n', i);
      const end = e === -1 ? n : e;
      out.push({ kind: 'comment', start: i, end, body: [i, end] });
      i = end;
      continue;
    }
    if (c === "'") {
      const e = text.indexOf("'", i + 1);
      const end = e === -1 ? n : e + 1;
      out.push({ kind: 'single', start: i, end, body: [i + 1, e === -1 ? n : e] });
      i = end;
      continue;
    }
    if (text.startsWith("$'", i)) {
      let j = i + 2;
      while (j < n && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      out.push({ kind: 'unsafe', start: i, end: j + 1, body: [i, j + 1] });
      i = j + 1;
      continue;
    }
    if (text.startsWith('$(', i) || c === '`') {
      const end = c === '`' ? closeOf(i + 1, '`', '`') : closeOf(i + 2, '(', ')');
      out.push({ kind: 'unsafe', start: i, end, body: [i, end] });
      i = end;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (; j < n && text[j] !== '"'; j++) {
        if (text[j] === '\\') {
          j++;
          continue;
        }
        if (text.startsWith('$(', j) || text[j] === '`') {
          const end = text[j] === '`' ? closeOf(j + 1, '`', '`') : closeOf(j + 2, '(', ')');
          out.push({ kind: 'unsafe', start: j, end, body: [j, end] });
          j = end - 1;
        }
      }
      out.push({ kind: 'double', start: i, end: j + 1, body: [i + 1, j] });
      i = j + 1;
      continue;
    }
    const h = /^<<(-?)\s*(["']?)([A-Za-z0-9_.-]+)\2/.exec(text.slice(i, i + 200));
    if (h && text[i + 2] !== '<' && text[i - 1] !== '<') {
      pending.push({ delim: h[3], quoted: !!h[2] || text.slice(i, i + h[0].length).includes('\\'), strip: h[1] === '-' });
      i += h[0].length;
      continue;
    }
    i++;
  }
  return out;
}

export function rewriteShell(text: string, secrets: string[], varOf: (s: string) => string): Rewrite {
  const occ = occurrences(text, secrets);
  if (!occ) return { refuse: 'two keys overlap' };
  const regs = regions(text);
  const edits: Edit[] = [];
  for (const o of occ) {
    const to = o.at + o.secret.length;
    const holders = regs.filter((r) => r.start <= o.at && to <= r.end);
    const r = holders.sort((a, b) => (a.kind === 'unsafe' ? -1 : b.kind === 'unsafe' ? 1 : a.end - a.start - (b.end - b.start)))[0];
    const kind: Kind = r ? r.kind : 'word';
    const v = varOf(o.secret);
    const line = lineOf(text, o.at);
    if (kind === 'unsafe')
      return { refuse: `line ${line}: the key is inside a command substitution, a $'…' string or a quoted here-document` };
    if (/(^|[^\\])(\\\\)*\\$/.test(text.slice(Math.max(0, o.at - 20), o.at)))
      return { refuse: `line ${line}: the key follows an escape character` };
    if (kind === 'comment') edits.push({ from: o.at, to, text: v, secret: o.secret });
    else if (kind === 'double' || kind === 'heredoc') edits.push({ from: o.at, to, text: `\${${v}}`, secret: o.secret });
    else if (kind === 'single') {
      const atOpen = o.at === r!.body[0];
      const atClose = to === r!.body[1];
      edits.push({
        from: atOpen ? o.at - 1 : o.at,
        to: atClose ? to + 1 : to,
        text: `${atOpen ? '' : "'"}"\${${v}}"${atClose ? '' : "'"}`,
        secret: o.secret,
      });
    } else edits.push({ from: o.at, to, text: `"\${${v}}"`, secret: o.secret });
  }
  return { edits };
}
