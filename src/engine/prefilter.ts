/**
 * The keyword prefilter: one pass over a fragment's text for every rule keyword at once. Only lines
 * that hold a keyword are tried against patterns, and only against the rules that own that keyword.
 */
import type { Rule } from '../rules/types';

export interface Prefilter {
  /** For each line index that holds a keyword, the indexes (into the rule list) of the rules to try. */
  candidates(lines: string[]): Map<number, Set<number>>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildPrefilter(rules: Rule[]): Prefilter {
  const owners = new Map<string, number[]>();
  rules.forEach((r, i) => {
    for (const kw of r.keywords) {
      const k = kw.toLowerCase();
      const list = owners.get(k) ?? [];
      list.push(i);
      owners.set(k, list);
    }
  });
  // Longest first so that alternation prefers the most specific keyword at a position.
  const words = [...owners.keys()].sort((a, b) => b.length - a.length);
  const re = words.length ? new RegExp(words.map(escape).join('|'), 'gi') : null;

  return {
    candidates(lines) {
      const found = new Map<number, Set<number>>();
      if (!re) return found;
      const text = lines.join('\n');
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let lineIdx = 0;
      let lineEnd = lines.length ? lines[0].length : 0;
      while ((m = re.exec(text))) {
        while (m.index > lineEnd) lineEnd += lines[++lineIdx].length + 1;
        let set = found.get(lineIdx);
        if (!set) found.set(lineIdx, (set = new Set()));
        for (const r of owners.get(m[0].toLowerCase())!) set.add(r);
        // Keywords may overlap ("co_api_key" inside "cohere_co_api_key"): step one character, not the match.
        re.lastIndex = m.index + 1;
      }
      return found;
    },
  };
}
