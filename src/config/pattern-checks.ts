/**
 * The checks of a config's own regular expressions (allow entries, custom rules): they compile, and they cannot
 * take exponential or polynomial time on one unlucky line, which would hang the commit hook.
 */
import { catastrophicBacktracking, polynomialBacktracking } from './regex-safety';
import { enableLinearFallback, runsInLinearTime } from './linear-regex';

// Loaded before any of the config's patterns is compiled: from here on V8 can switch a runaway match to its linear engine.
enableLinearFallback();

export function checkRegex(v: string, at: string, flags = ''): string[] {
  try {
    new RegExp(v, flags);
  } catch (e) {
    return [`${at}: not a valid regular expression (${(e as Error).message})`];
  }
  return checkSafe(v, at, flags);
}

/** A pattern that can backtrack catastrophically would hang the commit hook on one unlucky line. */
export function checkSafe(pattern: string, at: string, flags = ''): string[] {
  const why = catastrophicBacktracking(pattern, flags);
  if (!why && !runsInLinearTime(pattern, flags)) {
    const slow = polynomialBacktracking(pattern, flags);
    if (slow)
      return [
        `${at}: ${JSON.stringify(pattern)} can take polynomial time on long lines (${slow}), which would hang the commit hook; merge the repeated parts into one, or put a separator between them`,
      ];
  }
  return why
    ? [
        `${at}: ${JSON.stringify(pattern)} can take exponential time on some lines (${why}), which would hang the commit hook; rewrite it so each repeated part ends at a character it cannot take (a separator), or without the outer repetition`,
      ]
    : [];
}
