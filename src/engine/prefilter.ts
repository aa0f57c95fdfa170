/**
 * The keyword prefilter: one pass over each added line for every rule keyword at once (an Aho-Corasick
 * automaton). Only lines that hold a keyword are tried against patterns, and only against the rules
 * that own that keyword. The same pass looks for the keywords' base64 and hex forms, which mark the
 * lines worth decoding (see decode.ts), and notes percent-escapes.
 */
import type { Rule } from '../rules/types';
import { KeywordAutomaton } from './keyword-automaton';
import { encodedForms, HAS_CHAR_ESCAPE } from './decode';
import { bytesMayHold } from './may-hold';

export interface Candidates {
  /** For each line index that holds a keyword, the indexes (into the rule list) of the rules to try. */
  rules: Map<number, Set<number>>;
  /** Lines that hold an encoded keyword or a percent-escape. */
  encoded: number[];
}

export interface Prefilter {
  candidates(lines: string[]): Candidates;
  /** Whether a text's bytes could hold anything for the rules (may-hold.ts): no means nothing to find. */
  mayHold(bytes: Buffer, counted?: { lines: number }): boolean;
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

export interface PrefilterWords {
  /** Which rules (keywords) these words were made for: reuse them only for the same rules. */
  signature: string;
  words: string[];
  /** For each word, the indexes of the rules that own it (none for an encoded form). */
  owners: number[][];
  /** For each word, whether it is the base64 or hex form of a keyword. */
  encoded: boolean[];
}

export function rulesSignature(rules: Rule[]): string {
  return rules.map((r) => `${r.id}:${r.keywords.join(',')}`).join('|');
}

/** Every word the automaton looks for: the keywords (owned by rules) and their encoded forms. Computed at build time for the built-in rules. */
export function prefilterWords(rules: Rule[]): PrefilterWords {
  const owners = new Map<string, number[]>();
  rules.forEach((r, i) => {
    for (const kw of r.keywords) {
      const k = kw.toLowerCase();
      owners.set(k, [...(owners.get(k) ?? []), i]);
    }
  });
  const forms = new Set(encodedForms(rules).map((f) => f.toLowerCase()));
  for (const k of forms) if (!owners.has(k)) owners.set(k, []);
  const words = [...owners.keys()];
  return { signature: rulesSignature(rules), words, owners: words.map((w) => owners.get(w)!), encoded: words.map((w) => forms.has(w)) };
}

export function buildPrefilter(rules: Rule[], prebuilt?: PrefilterWords): Prefilter {
  const { words, owners, encoded: isEncoded } = prebuilt && prebuilt.signature === rulesSignature(rules) ? prebuilt : prefilterWords(rules);
  const automaton = KeywordAutomaton.for(words, true);

  return {
    mayHold: (bytes, counted) => bytesMayHold(bytes, automaton, counted),
    candidates(lines) {
      const found = new Map<number, Set<number>>();
      const encoded: number[] = [];
      // One hit handler for every line (no closure per line: this loop runs on every added line).
      let idx = 0;
      let set: Set<number> | undefined;
      let enc = false;
      const onHit = (ws: number[]) => {
        for (const w of ws) {
          if (isEncoded[w]) enc = true;
          const o = owners[w];
          if (o.length) {
            if (!set) found.set(idx, (set = new Set()));
            for (const r of o) set.add(r);
          }
        }
      };
      for (; idx < lines.length; idx++) {
        const line = lines[idx];
        set = undefined;
        enc = false;
        automaton.scan(line, onHit);
        if (
          (enc ||
            (line.indexOf('%') !== -1 && PERCENT_ESCAPE.test(line)) ||
            ((line.indexOf('\\') !== -1 || line.indexOf('&#') !== -1) && HAS_CHAR_ESCAPE.test(line))) &&
          line.length >= 16
        )
          encoded.push(idx);
      }
      return { rules: found, encoded };
    },
  };
}
