/**
 * A user's regular expression runs on every added line, in the commit hook, on JavaScript's
 * backtracking engine: a pattern such as `(a+)+$` takes exponential time on a line of a's and would
 * hang the hook. Config patterns are checked when the config is read, and refused (exit 2) when they
 * can backtrack catastrophically:
 *  - a repeated part that holds a part of varying length (`(a+)+`, `(\w+\s?)*`), unless each varying
 *    part must be followed by a character it cannot take (`(?:[a-z]+\.)+`, `(?:\d{2,4}-){3}`, `(?:\s+\S+)+`);
 *  - a repeated choice whose alternatives can start the same way (`(a|ab)+`, `(\w|\d)*`).
 * The check is conservative: a refused pattern can almost always be written with a separator or
 * without the outer repetition.
 */
import { ANY, none, overlaps, Parser, union, type Chars, type Node } from './regex-parse';

/** Whether a node holds a repetition of varying count (the source of ambiguity). Look-arounds are atomic. */
function varies(n: Node): boolean {
  switch (n.t) {
    case 'chars':
    case 'empty':
      return false;
    case 'seq':
      return n.items.some(varies);
    case 'alt':
      return n.alts.some(varies);
    case 'group':
      return !n.look && varies(n.body);
    case 'rep':
      return n.min !== n.max || varies(n.body);
  }
}

/** The characters the varying repetitions inside a node can take. */
function varyingChars(n: Node, inside: boolean): Chars {
  switch (n.t) {
    case 'chars':
      return inside ? n.c : none();
    case 'empty':
      return none();
    case 'seq':
      return n.items.reduce((a, x) => union(a, varyingChars(x, inside)), none());
    case 'alt':
      return n.alts.reduce((a, x) => union(a, varyingChars(x, inside)), none());
    case 'group':
      return n.look ? none() : varyingChars(n.body, inside);
    case 'rep':
      return varyingChars(n.body, inside || n.min !== n.max);
  }
}

/** The single characters a node must start with, in order, as far as they are fixed. */
function heads(n: Node): Chars[] {
  if (n.t === 'chars') return [n.c];
  if (n.t === 'group' && !n.look) return heads(n.body);
  if (n.t !== 'seq') return [];
  const out: Chars[] = [];
  for (const x of n.items) {
    if (x.t === 'chars') out.push(x.c);
    else if (x.t === 'empty' || (x.t === 'group' && x.look)) continue;
    else {
      const h = x.t === 'rep' && x.min === x.max && x.min >= 1 ? heads(x.body) : [];
      out.push(...h);
      if (!h.length || x.t === 'rep') break;
    }
  }
  return out;
}

/** Whether two alternatives can start matching the same text. */
function sameStart(a: Node, b: Node): boolean {
  const ha = heads(a);
  const hb = heads(b);
  if (ha.length && hb.length) {
    for (let i = 0; i < Math.min(ha.length, hb.length); i++) if (!overlaps(ha[i], hb[i])) return false;
    return true;
  }
  return overlaps(first(a), first(b));
}

/** The characters a node can start with (ANY when it can match the empty string: conservative). */
function first(n: Node): Chars {
  switch (n.t) {
    case 'chars':
      return n.c;
    case 'empty':
      return none();
    case 'seq': {
      let acc = none();
      for (const x of n.items) {
        acc = union(acc, first(x));
        if (!nullable(x)) return acc;
      }
      return ANY;
    }
    case 'alt':
      return n.alts.reduce((a, x) => union(a, first(x)), none());
    case 'group':
      return n.look ? none() : first(n.body);
    case 'rep':
      return first(n.body);
  }
}

function nullable(n: Node): boolean {
  if (n.t === 'empty') return true;
  if (n.t === 'seq') return n.items.every(nullable);
  if (n.t === 'alt') return n.alts.some(nullable);
  if (n.t === 'group') return n.look || nullable(n.body);
  return n.t === 'rep' && (n.min === 0 || nullable(n.body));
}

/**
 * The characters that can come right after part i of a repeated body: the start of the parts after it,
 * past those that can be empty, wrapping round to the start of the next repetition (ANY if all can be empty).
 */
function followOf(items: Node[], i: number): Chars {
  let acc = none();
  for (let k = 1; k <= items.length; k++) {
    const next = items[(i + k) % items.length];
    acc = union(acc, first(next));
    if (!nullable(next)) return acc;
  }
  return ANY;
}

function unsafe(n: Node): string | null {
  const kids = n.t === 'seq' ? n.items : n.t === 'alt' ? n.alts : n.t === 'group' || n.t === 'rep' ? [n.body] : [];
  for (const k of kids) {
    const why = unsafe(k);
    if (why) return why;
  }
  if (n.t !== 'rep' || n.max < 2) return null;
  let body = n.body;
  while (body.t === 'group' && !body.look) body = body.body;
  if (body.t === 'alt') {
    for (let a = 0; a < body.alts.length; a++)
      for (let b = a + 1; b < body.alts.length; b++) {
        if (sameStart(body.alts[a], body.alts[b])) return 'a repeated choice whose alternatives can start with the same character';
      }
  }
  if (varies(body)) {
    // Each varying part must stop at a character it cannot take, or the text splits many ways.
    const items = body.t === 'seq' ? body.items : [body];
    for (let i = 0; i < items.length; i++) {
      if (varies(items[i]) && overlaps(varyingChars(items[i], false), followOf(items, i))) {
        return 'a repeated part that holds a part of varying length, with nothing that marks where it ends';
      }
    }
  }
  return null;
}

/** Whether a part repeats a varying, unbounded-ish number of times (`x*`, `x+`, `x{2,}`, `(...)?` around one). */
const stretches = (n: Node): boolean => varies(n) && (n.t !== 'rep' || n.max > 16);

/**
 * Polynomial backtracking: two stretching parts in a row that can take the same characters (`\d*\d*`,
 * `\s+\s*$`, `.*.*=`), with only parts between them that can be empty or are characters both can take
 * (`.*a.*`): a failing line of n such characters is split n^k ways.
 */
function overlappingNeighbours(n: Node): string | null {
  const kids = n.t === 'seq' ? n.items : n.t === 'alt' ? n.alts : n.t === 'group' || n.t === 'rep' ? [n.body] : [];
  for (const k of kids) {
    const why = overlappingNeighbours(k);
    if (why) return why;
  }
  if (n.t !== 'seq') return null;
  for (let i = 0; i < n.items.length; i++) {
    if (!stretches(n.items[i])) continue;
    const a = varyingChars(n.items[i], false);
    for (let j = i + 1; j < n.items.length; j++) {
      const x = n.items[j];
      if (stretches(x) && overlaps(a, first(x)) && overlaps(a, varyingChars(x, false)))
        return 'two repeated parts in a row that can take the same characters';
      if (nullable(x) || (x.t === 'chars' && overlaps(a, x.c))) continue;
      break;
    }
  }
  return null;
}

/** Why a pattern could take polynomial time (n^2 and worse per start) on a long line, or null. */
export function polynomialBacktracking(pattern: string, flags = ''): string | null {
  try {
    return overlappingNeighbours(new Parser(pattern, flags.includes('i')).parse());
  } catch {
    return 'it could not be checked for slow backtracking'; // fail closed
  }
}

/** Why a pattern could take exponential time (to refuse it), or null when it is safe to run on any line. */
export function catastrophicBacktracking(pattern: string, flags = ''): string | null {
  let tree: Node;
  try {
    tree = new Parser(pattern, flags.includes('i')).parse();
  } catch {
    return 'it could not be checked for catastrophic backtracking'; // fail closed
  }
  return unsafe(tree);
}
