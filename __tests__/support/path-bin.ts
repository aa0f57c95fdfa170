/** A PATH with a `leakguard` that runs the built CLI, as a global install would provide. */
import fs from 'node:fs';
import path from 'node:path';
import { CLI, tempDir } from './cli';

export function pathWithLeakguard(): NodeJS.ProcessEnv {
  const bin = tempDir('lg-bin-');
  fs.writeFileSync(path.join(bin, 'leakguard'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  return { PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' };
}
