/** Progress of a history scan on stderr (commits done / total, rate), only when stderr is a terminal. */
import { writeTrustedStderr } from './terminal';

export interface Progress {
  tick: () => void;
  done: () => void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };

/** Whether progress is drawn at all: callers count the commits only then. */
export const showsProgress = (): boolean => !!process.stderr.isTTY;

/** A progress line for `total` commits (counted by the caller: git.countCommits). */
export function progressBar(total: number): Progress {
  if (!showsProgress()) return SILENT;
  const start = Date.now();
  let n = 0;
  let last = 0;
  const draw = () => {
    const secs = (Date.now() - start) / 1000 || 1;
    writeTrustedStderr(`\r  scanning commits ${n}/${total}  (${Math.round(n / secs)}/s)   `);
  };
  return {
    tick: () => {
      n++;
      if (Date.now() - last > 200) {
        last = Date.now();
        draw();
      }
    },
    done: () => {
      draw();
      writeTrustedStderr('\n');
    },
  };
}
