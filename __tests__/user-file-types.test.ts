/**
 * Files a repository points leakguard at (config, .leakguardignore, baseline) may be committed symlinks to
 * a FIFO or a device: the hook must stop with the file's name (exit 2), never wait forever or fill memory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { git, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeLine } from './support/keys';

const hasMkfifo = spawnSync('mkfifo', ['--help']).error === undefined;

function staged(): string {
  const r = newRepo();
  write(r, 'k.txt', fakeLine('openai', 'types') + '\n');
  git(r, ['add', 'k.txt']);
  return r;
}

describe('files leakguard reads that are not regular files', () => {
  const cases: Array<[string, string]> = [
    ['.leakguardignore', 'the ignore file'],
    ['.leakguard-baseline.json', 'the baseline'],
    ['.leakguard.json', 'the config'],
  ];

  test.each(cases)('%s linked to /dev/zero stops the hook, naming it', (name, what) => {
    const r = staged();
    fs.symlinkSync('/dev/zero', path.join(r, name));
    const res = leakguard(['scan', '--staged'], r);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${what} ${name}`);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  (hasMkfifo ? test.each(cases) : test.skip.each(cases))('%s linked to a FIFO stops the hook instead of waiting', (name) => {
    const r = staged();
    const fifo = path.join(tempDir(), 'fifo');
    spawnSync('mkfifo', [fifo]);
    fs.symlinkSync(fifo, path.join(r, name));
    const res = spawnSync(process.execPath, [path.join(__dirname, '..', 'dist', 'src', 'cli.js'), 'scan', '--staged'], {
      cwd: r,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.signal).toBeNull(); // not killed by the timeout: it did not wait on the pipe
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(name);
  });

  test('a folder where the ignore file should be is named in the error', () => {
    const r = staged();
    fs.mkdirSync(path.join(r, '.leakguardignore'));
    const res = leakguard(['scan', '--staged'], r);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('the ignore file .leakguardignore is a folder');
  });
});
