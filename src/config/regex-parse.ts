/**
 * A parser for JavaScript regular expressions into the small tree the safety check (regex-safety.ts)
 * reasons on: character sets (an ASCII table, plus two bits for non-ASCII: spaces, and the rest), sequences, choices,
 * groups and repetitions. Assertions and back-references are kept only as far as they can match.
 */

/** One-character escapes for control characters: \n, \r, \t, \f, \v and \0. */
const CONTROL_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
/** `other`: bit 1 for non-ASCII white space, bit 2 for any other non-ASCII character. */
export type Chars = { ascii: boolean[]; other: number };
export type Node =
  | { t: 'chars'; c: Chars }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; body: Node; look: boolean }
  | { t: 'rep'; body: Node; min: number; max: number }
  | { t: 'empty' };

const set = (pred: (c: number) => boolean, other: number): Chars => ({ ascii: Array.from({ length: 128 }, (_, i) => pred(i)), other });
export const ANY = set(() => true, 3);
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const otherOf = (code: number): number => (code < 128 ? 0 : UNICODE_SPACE.test(String.fromCodePoint(code)) ? 1 : 2);
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
export const union = (a: Chars, b: Chars): Chars => ({ ascii: a.ascii.map((x, i) => x || b.ascii[i]), other: a.other | b.other });
export const overlaps = (a: Chars, b: Chars): boolean => (a.other & b.other) !== 0 || a.ascii.some((x, i) => x && b.ascii[i]);
export const none = (): Chars => set(() => false, 0);

export class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly fold: boolean,
  ) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.s.length) throw new Error('unbalanced )');
    return n;
  }

  private alt(): Node {
    const alts = [this.seq()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified(this.atom()));
    return { t: 'seq', items };
  }

  private quantified(n: Node): Node {
    const s = this.s;
    for (;;) {
      let min = -1;
      let max = -1;
      const c = s[this.i];
      if (c === '*' || c === '+' || c === '?') {
        min = c === '+' ? 1 : 0;
        max = c === '?' ? 1 : Infinity;
        this.i++;
      } else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
        if (!m) return n;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        this.i += m[0].length;
      } else return n;
      if (s[this.i] === '?') this.i++;
      n = { t: 'rep', body: n, min, max };
    }
  }

  private atom(): Node {
    const s = this.s;
    const c = s[this.i++];
    if (c === '(') {
      let look = false;
      if (s[this.i] === '?') {
        const m = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(s.slice(this.i));
        if (!m) throw new Error('unknown group');
        look = /^\?(=|!|<=|<!)$/.test(m[0]);
        this.i += m[0].length;
      }
      const body = this.alt();
      if (s[this.i++] !== ')') throw new Error('unbalanced (');
      return { t: 'group', body, look };
    }
    if (c === '[') return { t: 'chars', c: this.klass() };
    if (c === '.') return { t: 'chars', c: ANY };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return this.escape(false) ?? { t: 'empty' };
    return { t: 'chars', c: this.char(c.charCodeAt(0)) };
  }

  private char(code: number): Chars {
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    const upper = code >= 97 && code <= 122 ? code - 32 : code;
    return set((i) => i === code || (this.fold && (i === lower || i === upper)), otherOf(code));
  }

  /** After a backslash: a class of characters, or null for an assertion or back-reference. */
  private escape(inClass: boolean): Node | null {
    const s = this.s;
    const c = s[this.i++];
    const base = c === 's' || c === 'S' ? 1 : 0; // \s takes non-ASCII spaces too
    const cls = (p: (x: number) => boolean, neg: boolean): Node => ({ t: 'chars', c: set((x) => p(x) !== neg, neg ? 3 & ~base : base) });
    if (c in CONTROL_ESCAPES) return { t: 'chars', c: this.char(CONTROL_ESCAPES[c]) };
    switch (c) {
      case 'd':
      case 'D':
        return cls((x) => x >= 48 && x <= 57, c === 'D');
      case 'w':
      case 'W':
        return cls(isWord, c === 'W');
      case 's':
      case 'S':
        return cls(isSpace, c === 'S');
      case 'b':
        return inClass ? { t: 'chars', c: this.char(8) } : null;
      case 'B':
        return null;
      case 'k': {
        const m = /^<[^>]*>/.exec(s.slice(this.i));
        if (m) this.i += m[0].length;
        return { t: 'rep', body: { t: 'chars', c: ANY }, min: 0, max: Infinity };
      }
      case 'p':
      case 'P': {
        const m = /^\{[^}]*\}/.exec(s.slice(this.i));
        if (m) this.i += m[0].length;
        return { t: 'chars', c: ANY };
      }
      case 'x': {
        const h = s.slice(this.i, this.i + 2);
        this.i += 2;
        return { t: 'chars', c: this.char(parseInt(h, 16)) };
      }
      case 'u': {
        const m = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(s.slice(this.i));
        if (m) {
          this.i += m[0].length;
          return { t: 'chars', c: this.char(parseInt(m[0].replace(/[{}]/g, ''), 16)) };
        }
        return { t: 'chars', c: this.char(117) };
      }
      case 'c':
        this.i++;
        return { t: 'chars', c: ANY };
      default:
        if (c >= '1' && c <= '9') {
          // a back-reference: any text
          while (/\d/.test(s[this.i] ?? '')) this.i++;
          return { t: 'rep', body: { t: 'chars', c: ANY }, min: 0, max: Infinity };
        }
        return { t: 'chars', c: this.char(c.charCodeAt(0)) };
    }
  }

  private klass(): Chars {
    const s = this.s;
    const neg = s[this.i] === '^';
    if (neg) this.i++;
    let acc = none();
    while (this.i < s.length && s[this.i] !== ']') {
      let lo: number;
      if (s[this.i] === '\\') {
        this.i++;
        const e = this.escape(true);
        if (!e || e.t !== 'chars') continue;
        if (s[this.i] !== '-' || s[this.i + 1] === ']' || e.c.ascii.filter(Boolean).length !== 1) {
          acc = union(acc, e.c);
          continue;
        }
        lo = e.c.ascii.indexOf(true);
      } else lo = s.charCodeAt(this.i++);
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        this.i++;
        let hi: number;
        if (s[this.i] === '\\') {
          this.i++;
          const e = this.escape(true);
          hi = e && e.t === 'chars' ? Math.max(0, e.c.ascii.lastIndexOf(true)) : lo;
        } else hi = s.charCodeAt(this.i++);
        for (let x = lo; x <= Math.min(hi, 127); x++) acc = union(acc, this.char(x));
        if (hi >= 128) acc = { ascii: acc.ascii, other: 3 };
      } else acc = union(acc, this.char(lo));
    }
    if (s[this.i++] !== ']') throw new Error('unbalanced [');
    return neg ? { ascii: acc.ascii.map((x) => !x), other: 3 & ~acc.other } : acc;
  }
}
