/**
 * Recognises values that only look like keys: documentation placeholders, masked keys and typed-in
 * dummies. Markers are matched in the forms people write them (lower, UPPER, Title) so that a random
 * key that happens to contain the letters in mixed case is not thrown away.
 */
const WORDS = [
  'your',
  'example',
  'placeholder',
  'dummy',
  'sample',
  'redacted',
  'changeme',
  'insert',
  'replace',
  'fake',
  'xxxx',
  'test_key',
  'testkey',
  'secret_here',
  'key_here',
  'api_key',
  'apikey',
];
const MARKERS = WORDS.flatMap((w) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]);
/** The obvious ones, for structured keys: a 93-character body that happens to contain "fake" or "sample" is still a key. */
const STRUCTURED_MARKERS = ['your', 'example', 'placeholder', 'redacted', 'changeme', 'xxxx', 'dummy'].flatMap((w) => [
  w,
  w.toUpperCase(),
  w[0].toUpperCase() + w.slice(1),
]);
const PUNCT = ['...', '\u2026', '<', '>', '{{', '${', '***', '$(', '%s'];
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** Runs of one character; in key material (60+ characters) runs of "A" are zero bytes in base64 (DER and SSH length fields), not typing. */
function hasRun(s: string, min: number): boolean {
  const skipA = s.length >= 60;
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s[i] === s[i - 1] && !(skipA && s[i] === 'A') ? run + 1 : 1;
    if (run >= min) return true;
  }
  return false;
}

function hasSequence(s: string, min: number): boolean {
  for (const seq of SEQUENCES) for (let i = 0; i + min <= seq.length; i++) if (s.includes(seq.slice(i, i + min))) return true;
  return false;
}

/** Typed-in progressions such as abc123def456: ascending triples, many for the length (a random key has almost none). */
function ascendingTriples(s: string): number {
  let n = 0;
  for (let i = 0; i + 2 < s.length; i++) {
    const a = s.charCodeAt(i);
    if (/[A-Za-z0-9]/.test(s[i]) && s.charCodeAt(i + 1) === a + 1 && s.charCodeAt(i + 2) === a + 2) {
      n++;
      i += 2;
    }
  }
  return n;
}

/** Beyond this length a value is key material (a PEM body, a long token), and chance letter runs mean nothing. */
const LONG = 200;

/**
 * True when the value reads as a placeholder rather than a generated secret. For a structured key
 * (fixed prefix, exact length, fixed suffix) the structure is the evidence: only the obvious signs
 * count (an elision, a marker word such as your/EXAMPLE/xxxx, a run of one character), not a random
 * part that happens to look tidy.
 */
export function isPlaceholder(value: string, structured = false): boolean {
  if (PUNCT.some((p) => value.includes(p))) return true;
  if (value.length > LONG) return false;
  if (structured)
    return (
      STRUCTURED_MARKERS.some((m) => value.includes(m)) || hasRun(value, 6) || hasSequence(value, Math.max(8, Math.ceil(value.length / 2)))
    );
  if (MARKERS.some((m) => value.includes(m))) return true;
  if (hasRun(value, 6) || ascendingTriples(value) >= Math.max(3, value.length / 12) || looksLikeIdentifier(value)) return true;
  return hasSequence(value, 8);
}

/**
 * CamelCase words (a type name, an i18n id, an error name): letters only, two or more words of
 * readable length. A random key of the same length has digits or a scatter of one-letter "words".
 */
export function looksLikeIdentifier(value: string): boolean {
  // A version or dimension number or two (V2, S3, 3D) may sit between the words.
  if (value.length < 12 || !/^[A-Za-z0-9]+$/.test(value) || !/^[A-Za-z]/.test(value)) return false;
  const digits = value.match(/\d+/g) ?? [];
  if (digits.length > 2 || digits.join('').length > 4) return false;
  const words = value.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|\d+/g) ?? [];
  const letters = words.filter((w) => !/^\d/.test(w));
  // With a number in it, a name has several words (ResponseV2Embeddings...); Winter2025Blue is a password.
  if (letters.length < (digits.length ? 4 : 2) || words.join('') !== value) return false;
  if (value.replace(/\d/g, '').length / letters.length < 4) return false;
  if (letters.filter((w) => w.length === 1).length > 2) return false; // O in OAuth, V in V2
  return letters.every((w) => w.length < 3 || /[aeiouyAEIOUY]/.test(w));
}

/** For rules without a self-identifying prefix: a line that says it is an example is believed. */
export function lineSaysExample(line: string): boolean {
  return /\b(example|placeholder|dummy|sample|fake|mock|fixture)s?\b/i.test(line);
}
