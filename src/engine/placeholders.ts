/**
 * Recognises values that only look like keys: documentation placeholders, masked keys and typed-in
 * dummies. Markers are matched in the forms people write them (lower, UPPER, Title) so that a random
 * key that happens to contain the letters in mixed case is not thrown away.
 */
const WORDS = ['your', 'example', 'placeholder', 'dummy', 'sample', 'redacted', 'changeme', 'insert', 'replace', 'fake', 'xxxx', 'test_key', 'testkey', 'secret_here', 'key_here', 'api_key', 'apikey'];
const MARKERS = WORDS.flatMap((w) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]);
const PUNCT = ['...', '\u2026', '<', '>', '{{', '${', '***', '$(', '%s'];
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

function hasRun(s: string, min: number): boolean {
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s[i] === s[i - 1] ? run + 1 : 1;
    if (run >= min) return true;
  }
  return false;
}

function hasSequence(s: string, min: number): boolean {
  for (const seq of SEQUENCES) for (let i = 0; i + min <= seq.length; i++) if (s.includes(seq.slice(i, i + min))) return true;
  return false;
}

/** True when the value reads as a placeholder rather than a generated secret. */
export function isPlaceholder(value: string): boolean {
  if (PUNCT.some((p) => value.includes(p))) return true;
  if (MARKERS.some((m) => value.includes(m))) return true;
  if (hasRun(value, 6)) return true;
  return hasSequence(value, 8);
}

/** For rules without a self-identifying prefix: a line that says it is an example is believed. */
export function lineSaysExample(line: string): boolean {
  return /\b(example|placeholder|dummy|sample|fake|mock|fixture)s?\b/i.test(line);
}
