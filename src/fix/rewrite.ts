/**
 * Rewrites one line so that it reads a secret from the environment instead of holding it, in the
 * file's language. Returns null when the key is not a whole literal that can be replaced safely.
 */
import { envReadFor } from '../report/env-read';

export interface Rewrite { line: string; needsImport?: string }

const QUOTES = ['"', "'", '`'];

export function rewriteLine(file: string, line: string, secret: string, envVar: string): Rewrite | null {
  const read = envReadFor(file, envVar);
  if (!read) return null;
  const at = line.indexOf(secret);
  if (at === -1) return null;
  const before = line[at - 1];
  const after = line[at + secret.length];
  let out: string;
  if (before !== undefined && QUOTES.includes(before) && after === before) {
    // "KEY" -> process.env.VAR (the quotes go too: the expression is not a string literal)
    out = line.slice(0, at - 1) + read + line.slice(at + secret.length + 1);
  } else if (/\.(ya?ml|sh|bash|zsh)$/.test(file) && !/[A-Za-z0-9_-]/.test(before ?? ' ') && !/[A-Za-z0-9_-]/.test(after ?? ' ')) {
    out = line.slice(0, at) + read + line.slice(at + secret.length);
  } else return null;
  const needsImport = /\.py$/.test(file) ? 'import os' : /\.go$/.test(file) ? 'import "os"' : undefined;
  return { line: out, needsImport };
}

/** Adds `import os` at the top of a Python file that lacks it (after a shebang, docstring-free). */
export function ensurePythonImport(text: string): string {
  if (/^\s*import os\b|^\s*from os import|^\s*import .*\bos\b/m.test(text)) return text;
  const lines = text.split('\n');
  const at = lines[0]?.startsWith('#!') ? 1 : 0;
  lines.splice(at, 0, 'import os');
  return lines.join('\n');
}
