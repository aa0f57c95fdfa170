/**
 * A folder big enough to be scanned on two threads gives what one thread gives: every key once, in file
 * order, binary and odd entries handled as on one thread, ignored paths left out, the size limit said.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { git, json, leakguard, newRepo, write } from './support/cli';
import { fakeLine } from './support/keys';

const FILES = 400;

describe('directory scan on two threads', () => {
  const r = newRepo();
  const planted: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const file = `src/d${String(i % 7).padStart(2, '0')}/f${String(i).padStart(4, '0')}.txt`;
    let text = '';
    for (let l = 0; l < 150; l++) text += `const value${l} = compute(${i * l}); // line ${l}\n`;
    if (i % 29 === 5) {
      text += `${fakeLine('openai', `dir-${i}`)}\n`;
      planted.push(file);
    }
    write(r, file, text);
  }
  // Binary content holding a key among NUL bytes, a key in an ignored folder, a file over the limit.
  write(r, 'bin/blob.dat', '');
  fs.writeFileSync(path.join(r, 'bin/blob.dat'), Buffer.concat([Buffer.alloc(64), Buffer.from(`\n${fakeLine('openai', 'bin')}\n`)]));
  write(r, 'vendor/keys.txt', `${fakeLine('openai', 'vendor')}\n`);
  write(r, 'big/huge.txt', 'x'.repeat(6 * 1024 * 1024));
  write(r, '.leakguard.json', JSON.stringify({ ignorePaths: ['vendor/**'] }));
  fs.symlinkSync(path.join(r, planted[0]), path.join(r, 'link-to-key.txt'));
  spawnSync('mkfifo', [path.join(r, 'src/d00/pipe')]);

  const res = leakguard(['scan', '.', '--format', 'json'], r);
  const out = json(res) as ReturnType<typeof json> & { notices: Array<{ file: string }> };

  it('finds every key once, in the order of the file list', () => {
    expect(res.code).toBe(1);
    const listed = git(r, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter(Boolean);
    const expected = listed.filter((f) => f === 'bin/blob.dat' || planted.includes(f));
    expect(out.findings.map((f) => f.file)).toEqual(expected);
  });

  it('reads every file, says what was too big, and follows no symlink', () => {
    expect(out.stats.filesScanned).toBe(FILES + 3); // the planted files, the blob, vendor/ (read, not scanned), the config
    expect(out.notices.map((n) => n.file)).toEqual(['big/huge.txt']);
    expect(out.findings.some((f) => f.file === 'link-to-key.txt' || f.file === 'vendor/keys.txt')).toBe(false);
  });
});
