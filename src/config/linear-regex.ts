/**
 * A guarantee instead of a guess for users' patterns: V8 has a second, linear-time regex engine, and can
 * switch a running match to it once the backtracking engine has backtracked too often. With that switch on,
 * a pattern the linear engine accepts takes time linear in the line whatever its shape (`\d*\d*\d*x`,
 * `.*.*=.*`). Patterns it does not accept (look-arounds, back-references, the i flag, large counted
 * repetitions) get the static checks of regex-safety.ts instead.
 */
import v8 from 'node:v8';

let enabled = false;

/** Turns the fallback on for this process (and the worker threads it starts); call before scanning. */
export function enableLinearFallback(): void {
  if (enabled) return;
  enabled = true;
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  v8.setFlagsFromString('--regexp-backtracks-before-fallback=50000');
}

/** Whether V8's linear engine can run this pattern, so the fallback bounds its time. */
export function runsInLinearTime(pattern: string, flags = ''): boolean {
  enableLinearFallback();
  try {
    new RegExp(pattern, `${flags.replace(/[gyl]/g, '')}l`);
    return true;
  } catch {
    return false;
  }
}
