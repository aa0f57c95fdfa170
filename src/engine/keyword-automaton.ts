/**
 * Aho-Corasick over ASCII, compiled to a full transition table: finds every occurrence of hundreds of
 * keywords in one pass, one table lookup per character. A regex alternation of the same keywords was
 * 15x slower on a 50 MB history (V8 tries the alternatives at each position). Characters are first
 * mapped to classes (one per character that occurs in a keyword, one for all others), which keeps the
 * table small enough to build in a few milliseconds on every run.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Tables for the built-in rules are built once, by `npm run build`, and read from here. */
const CACHE_DIR = path.resolve(__dirname, '..', '..', 'automata');

/** Next states: 16 bits each while the states fit (the built-in table), else 32. */
type Table = Int16Array | Int32Array;

interface Tables {
  classes: Uint8Array;
  width: number;
  delta: Table;
  out: Array<number[] | null>;
}

export class KeywordAutomaton {
  /** The next state by state * width + character class; bit-inverted (negative) where a keyword ends. */
  private readonly delta: Table;
  private readonly classes: Uint8Array;
  private readonly width: number;
  /** For each state, the indexes of the words that end there (including by failure links), or null. */
  private readonly out: Array<number[] | null>;

  /** The automaton for these words: from the build's cache when it has it, else built now. */
  static for(words: string[], caseInsensitive: boolean): KeywordAutomaton {
    const file = path.join(CACHE_DIR, `${cacheKey(words, caseInsensitive)}.bin`);
    try {
      return new KeywordAutomaton(words, caseInsensitive, readTables(fs.readFileSync(file)));
    } catch {
      return new KeywordAutomaton(words, caseInsensitive);
    }
  }

  /** Writes this automaton's tables to the cache (used by the build). */
  static save(words: string[], caseInsensitive: boolean): void {
    const a = new KeywordAutomaton(words, caseInsensitive);
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const out = Buffer.from(JSON.stringify(a.out.map((o, i) => (o ? [i, o] : null)).filter(Boolean)));
    const head = Buffer.alloc(12);
    head.writeUInt32LE(a.width | (a.delta.BYTES_PER_ELEMENT << 24), 0);
    head.writeUInt32LE(a.delta.length, 4);
    head.writeUInt32LE(out.length, 8);
    const file = path.join(CACHE_DIR, `${cacheKey(words, caseInsensitive)}.bin`);
    fs.writeFileSync(
      file,
      Buffer.concat([head, Buffer.from(a.classes), Buffer.from(a.delta.buffer, a.delta.byteOffset, a.delta.byteLength), out]),
    );
  }

  constructor(
    readonly words: string[],
    caseInsensitive: boolean,
    tables?: Tables,
  ) {
    if (tables) {
      ({ classes: this.classes, width: this.width, delta: this.delta, out: this.out } = tables);
      return;
    }
    this.classes = new Uint8Array(128);
    const norm = words.map((w) => (caseInsensitive ? w.toLowerCase() : w)).filter((w) => /^[\x00-\x7f]+$/.test(w));
    let width = 1;
    for (const w of norm)
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (this.classes[c] === 0) this.classes[c] = width++;
      }
    if (caseInsensitive) for (let c = 65; c <= 90; c++) this.classes[c] = this.classes[c + 32];
    this.width = width;
    // The trie, sparse: children per state as a Map from class.
    const children: Array<Map<number, number>> = [new Map()];
    const outs: number[][] = [[]];
    words.forEach((w, wi) => {
      const k = caseInsensitive ? w.toLowerCase() : w;
      if (!/^[\x00-\x7f]+$/.test(k)) return; // a non-ASCII keyword cannot be prefiltered here
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = this.classes[k.charCodeAt(i)];
        let t = children[s].get(c);
        if (t === undefined) {
          t = children.length;
          children[s].set(c, t);
          children.push(new Map());
          outs.push([]);
        }
        s = t;
      }
      outs[s].push(wi);
    });
    // Breadth first, each state's row starts as a copy of its failure state's row, then its own
    // children override it: the classic construction of the full transition table.
    const delta = new Int32Array(children.length * width);
    const fail = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [c, t] of children[0]) {
      delta[c] = t;
      queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      const f = fail[s];
      if (outs[f].length) outs[s] = outs[s].concat(outs[f]);
      delta.copyWithin(s * width, f * width, f * width + width);
      for (const [c, t] of children[s]) {
        fail[t] = delta[f * width + c];
        delta[s * width + c] = t;
        queue.push(t);
      }
    }
    this.out = outs.map((o) => (o.length ? o : null));
    // Each entry holds the next state, bit-inverted when a keyword ends there (one sign test per character
    // instead of a second lookup). 16 bits an entry while the states fit: the table is read on every commit.
    const table: Table = children.length <= 0x7fff ? new Int16Array(delta.length) : delta;
    for (let i = 0; i < delta.length; i++) {
      const t = delta[i];
      table[i] = this.out[t] ? ~t : t;
    }
    this.delta = table;
  }

  /** Calls onHit(wordIndexes) for each position where one or more keywords end in `text`. */
  scan(text: string, onHit: (words: number[]) => void): void {
    const { delta, out, classes, width } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      s = delta[s * width + (code < 128 ? classes[code] : 0)];
      if (s < 0) {
        s = ~s;
        onHit(out[s]!);
      }
    }
  }

  /**
   * True when any keyword occurs in the bytes `buf` (text of an ASCII-compatible encoding such as UTF-8):
   * the keywords are ASCII, and every byte of a multi-byte character is of the "other" class, as the
   * character is in `scan`. No decoding, no lines: the whole-blob check of a history audit (may-hold.ts).
   */
  testBytes(buf: Uint8Array): boolean {
    const { next, byClass } = (this.bytes ??= this.byteTables());
    let s = 0;
    for (let i = 0; i < buf.length; i++) {
      s = next[s + byClass[buf[i]]];
      if (s < 0) return true;
    }
    return false;
  }

  /** For bytes: a class for each of the 256 values, and the next state already multiplied by the width (half the time of `scan`'s loop). */
  private bytes?: { next: Int32Array; byClass: Uint8Array };
  private byteTables(): { next: Int32Array; byClass: Uint8Array } {
    const { delta, width } = this;
    const next = new Int32Array(delta.length);
    for (let i = 0; i < delta.length; i++) next[i] = delta[i] < 0 ? -1 : delta[i] * width;
    const byClass = new Uint8Array(256);
    byClass.set(this.classes);
    return { next, byClass };
  }

  /** True when any keyword occurs in `text`. */
  test(text: string): boolean {
    const { delta, classes, width } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      s = delta[s * width + (code < 128 ? classes[code] : 0)];
      if (s < 0) return true;
    }
    return false;
  }
}

/**
 * The table file's name: two independent 32-bit FNV-1a hashes of the exact keyword list (64 bits in all).
 * Not a crypto hash on purpose: loading node:crypto costs the commit path more than the whole lookup.
 */
function cacheKey(words: string[], caseInsensitive: boolean): string {
  const text = `v2${caseInsensitive ? 'i' : 's'}\0${words.join('\0')}`; // v2: the 16-bit table format
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${words.length}`;
}

function readTables(buf: Buffer): Tables {
  const width = buf.readUInt32LE(0) & 0xffffff;
  const bytes = buf.readUInt32LE(0) >>> 24;
  const n = buf.readUInt32LE(4);
  const outLen = buf.readUInt32LE(8);
  const classes = new Uint8Array(buf.subarray(12, 140));
  // A view on the file's bytes when they are aligned (a file this size gets its own buffer): no copy, which
  // halves the cost of loading the tables on every commit.
  const Kind = bytes === 2 ? Int16Array : Int32Array;
  const aligned = (buf.byteOffset + 140) % bytes === 0;
  const delta = aligned ? new Kind(buf.buffer as ArrayBuffer, buf.byteOffset + 140, n) : new Kind(n);
  if (!aligned) Buffer.from(delta.buffer).set(buf.subarray(140, 140 + n * bytes));
  const out: Array<number[] | null> = new Array(n / width).fill(null);
  for (const [i, o] of JSON.parse(buf.subarray(140 + n * bytes, 140 + n * bytes + outLen).toString()) as Array<[number, number[]]>)
    out[i] = o;
  return { classes, width, delta, out };
}
