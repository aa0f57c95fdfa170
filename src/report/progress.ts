/** Progress of a history scan on stderr (commits done / total, rate), only when stderr is a terminal. */
import type { Git } from '../git';
import { writeTrustedStderr } from './terminal';

export async function progress(git: Git, revs: string[]): Promise<{ tick: () => void; done: () => void }> {
  if (!process.stderr.isTTY) return { tick: () => undefined, done: () => undefined };
  const total = Number((await git.raw(['rev-list', '--count', ...revs, '--'])).trim()) || 0;
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
