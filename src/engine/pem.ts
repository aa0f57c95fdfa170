/**
 * PEM private keys as people paste them: a multi-line block, one line with literal `\n` escapes
 * (.env, JSON "privateKey", Terraform, CI variables), or only the body between a header and footer
 * that were already there. A block counts when its body is real key material: base64 of a useful
 * length and randomness, with no `...`/`…` cut and no `<your key>`-style placeholder in it.
 */
import { shannonEntropy } from './entropy';

/** The shortest body a real private key has (an Ed25519 PKCS#8 key is 64 base64 characters). */
const MIN_BODY = 60;
const PLACEHOLDER_LINE = /\.\.\.|\u2026|<[^>]*>|\{\{|\$\{|\bYOUR\b|\byour\b|REDACTED|redacted|EXAMPLE|example/;
const HEADER_FIELD = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset):/i;
const END = /-----END [A-Z0-9 ]*-----/;

/** Strips what a line of a pasted body may carry around the base64: indentation, comment marks, quotes, `\n` escapes, `+` of string concatenation. */
export function bodyPart(line: string): string {
  return line
    .replace(/^[\s*#/>;|+]*["'`]?\s*/, '')
    .replace(/(?:\\[rn])+/g, '')
    .replace(/["'`]?\s*[+,;)]*\s*$/, '')
    .trim();
}

/** Judges the body lines of one block: true when they are key material, not a placeholder or a cut-down example. */
export function bodyIsKey(parts: string[], min = MIN_BODY): boolean {
  let body = '';
  for (const raw of parts) {
    if (PLACEHOLDER_LINE.test(raw)) return false;
    const p = bodyPart(raw);
    if (!p || HEADER_FIELD.test(p)) continue;
    if (!/^[A-Za-z0-9+/=]+$/.test(p)) return false;
    body += p;
  }
  if (body.replace(/=+$/, '').length < min) return false;
  return shannonEntropy(body) >= 4.2;
}

/** Splits an inline block (header ... footer on one line) into its body lines, on `\n` escapes or real line ends. */
export function inlineBody(block: string): string[] {
  const start = block.indexOf('-----', 5);
  const from = start === -1 ? 0 : start + 5;
  const end = block.search(END);
  const body = block.slice(from, end === -1 ? undefined : end);
  return body.split(/\\r\\n|\\n|\\r|\r?\n|\s+/).filter((s) => s.length > 0);
}

export function inlinePemIsKey(block: string): boolean {
  return bodyIsKey(inlineBody(block));
}

/**
 * A header on its own line: the body is the following consecutive lines up to the footer (or up to the
 * first line that is not base64, for a block cut short by the end of a heredoc or a diff).
 */
export function blockAfterHeaderIsKey(lines: string[], lineNumbers: number[], idx: number): boolean {
  const head = lines[idx];
  const afterHeader = head.slice(head.lastIndexOf('-----') + 5);
  if (END.test(afterHeader) || /\\n/.test(afterHeader)) return false; // an inline block: the inline rule judges it
  const parts: string[] = [];
  // Text after the header that is not base64 (a trailing comment, a closing quote) is not part of the body.
  if (/^[A-Za-z0-9+/=]+$/.test(bodyPart(afterHeader))) parts.push(afterHeader);
  for (let i = idx + 1; i < lines.length && i <= idx + 200; i++) {
    if (lineNumbers[i] !== lineNumbers[i - 1] + 1) break;
    const l = lines[i];
    const e = l.search(END);
    if (e !== -1) {
      if (bodyPart(l.slice(0, e))) parts.push(l.slice(0, e));
      break;
    }
    if (PLACEHOLDER_LINE.test(l)) return false;
    const p = bodyPart(l);
    if (p && !HEADER_FIELD.test(p) && !/^[A-Za-z0-9+/=]+$/.test(p)) break;
    parts.push(l);
  }
  return bodyIsKey(parts);
}
