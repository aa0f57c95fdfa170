/**
 * Reports stay linear in the number of findings: twenty thousand findings render in every format,
 * each one listed (a quadratic step or a spread of every finding into one call would not finish).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expand } from '../scripts/fixtures/generate';
import { leakguard, tempDir, write } from './support/cli';

const N = 20000;

describe('many findings', () => {
  const dir = tempDir();
  const lines: string[] = [];
  for (let i = 0; i < N; i++) lines.push(`token_${i} = "${expand('{gh:ghp_}', `scale${i}`)}"`);
  write(path.join(dir, 'in'), 'keys.txt', lines.join('\n') + '\n');
  // The same keys again, all on one line: the engine's overlap bookkeeping must not be quadratic either.
  write(path.join(dir, 'in'), 'one-line.txt', lines.join(' ; ') + '\n');

  let jsonCount = 0;
  test.each(['json', 'text', 'html'])(
    '%s lists every finding',
    (format) => {
      const r = leakguard(['scan', 'keys.txt', 'one-line.txt', '--format', format, '--output', `../out.${format}`], path.join(dir, 'in'));
      expect(r.code).toBe(1);
      const out = fs.readFileSync(path.join(dir, `out.${format}`), 'utf8');
      // Text: a long block lists each finding on one line ending in rule:fingerprint (a short one has "fingerprint:" lines).
      const count =
        format === 'text'
          ? out.split('\n').filter((l) => l.includes('fingerprint: ') || / [a-z0-9-]+:[0-9a-f]{16}$/.test(l)).length
          : format === 'html'
            ? (out.match(/<tr>/g) ?? []).length - 1 // header rows: one per provider table
            : JSON.parse(out).findings.length;
      // A random token can look like a placeholder (a run like "abcd") and be passed over: allow a few.
      if (format === 'json') jsonCount = count;
      expect(count).toBeGreaterThan(2 * N - 20);
      expect(count).toBe(jsonCount);
    },
    60000,
  );
});
