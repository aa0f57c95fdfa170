/**
 * Nothing leakguard prints may steer the terminal. File names, author names, commit messages, rule
 * titles from a config and scanned content can hold escape sequences (clear the screen, set the window
 * title, hide text, move the cursor) or bidirectional-text overrides that make a line read differently
 * from what it says. Every write to stdout and stderr goes through one guard, installed by the CLI
 * before anything is printed, so no report, notice, error, progress line or playbook can bypass it.
 *
 * Each unsafe character is shown as a \uXXXX escape: readable in text, and in JSON or SARIF output it
 * is the standard escape of the same character (JSON.stringify already escapes C0 controls, so those
 * outputs keep their exact values). Only the colour codes leakguard itself uses survive, and only when
 * colour is on.
 */

/** C0 controls except tab and newline, DEL, C1 controls, and the Unicode format characters that reorder or hide text. */
const UNSAFE = /\x1b\[(?:[0-9]{1,2}(?:;[0-9]{1,2})*)?m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const show = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text made safe to print: colour codes kept only when `keepColour`, every other control shown as \uXXXX. */
export function forTerminal(text: string, keepColour = false): string {
  return text.replace(UNSAFE, (m) =>
    m.length > 1 ? (keepColour ? m : [...m].map((c) => (c === '\x1b' ? show(c) : c)).join('')) : show(m),
  );
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
const raw = new Map<NodeJS.WriteStream, Write>();

/** Routes every later write to stdout and stderr through forTerminal. Idempotent. */
export function guardTerminalOutput(keepColour: boolean): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (!raw.has(stream)) raw.set(stream, stream.write.bind(stream) as Write);
    const write = raw.get(stream)!;
    (stream as unknown as { write: Write }).write = (chunk, ...rest) =>
      write(typeof chunk === 'string' || Buffer.isBuffer(chunk) ? forTerminal(String(chunk), keepColour) : chunk, ...rest);
  }
}

/** Writes leakguard's own fixed text (a progress line that returns to the line start with \r) to stderr. */
export function writeTrustedStderr(text: string): void {
  (raw.get(process.stderr) ?? (process.stderr.write.bind(process.stderr) as Write))(text);
}
