/**
 * Nothing from a repository reaches the terminal raw: escape sequences and text-reordering characters in
 * file names, author names, rule titles or paths are shown as \uXXXX in every output, and JSON keeps the
 * exact values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expand } from '../scripts/fixtures/generate';
import { forTerminal } from '../src/report/terminal';
import { leakguard, newRepo, write, git, commitAll } from './support/cli';

const ESC = '\x1b';
const token = (seed: string): string => expand('{gh:ghp_}', `esc:${seed}`);
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('forTerminal', () => {
  test('controls and bidi overrides are shown, text and newlines kept', () => {
    expect(forTerminal(`a${ESC}[2J${ESC}]0;title\x07b\tc\nd\r\u202eé`)).toBe('a\\u001b[2J\\u001b]0;title\\u0007b\tc\nd\\u000d\\u202eé');
  });
  test('colour codes survive only when colour is on', () => {
    expect(forTerminal(`${ESC}[31mred${ESC}[39m`, true)).toBe(`${ESC}[31mred${ESC}[39m`);
    expect(forTerminal(`${ESC}[31mred${ESC}[39m`, false)).toBe('\\u001b[31mred\\u001b[39m');
    expect(forTerminal(`${ESC}[2J`, true)).toBe('\\u001b[2J');
  });
});

describe('the CLI prints nothing raw', () => {
  const evilFile = `evil${ESC}[2J${ESC}]0;pwned\x07\u202eod.js`;
  const evilAuthor = `Mallory${ESC}[2J${ESC}[31m\u202e`;

  test('a staged file name, in text and JSON', () => {
    const repo = newRepo();
    write(repo, evilFile, `const t = "${token('file')}";\n`);
    git(repo, ['add', '--', evilFile]);
    const text = leakguard(['scan', '--staged'], repo);
    expect(text.code).toBe(1);
    expect(text.out).not.toMatch(UNSAFE);
    expect(text.out).toContain('evil\\u001b[2J');
    expect(leakguard(['scan', '--staged', '--output', 'report.txt'], repo).code).toBe(1);
    expect(fs.readFileSync(path.join(repo, 'report.txt'), 'utf8')).not.toMatch(UNSAFE);
    const json = leakguard(['scan', '--staged', '--format', 'json'], repo);
    expect(json.out).not.toMatch(UNSAFE);
    expect(JSON.parse(json.stdout).findings[0].file).toBe(evilFile);
  });

  test('an author name in a history scan, in text, JSON and SARIF', () => {
    const repo = newRepo();
    write(repo, 'a.js', `const t = "${token('author')}";\n`);
    git(repo, ['add', 'a.js']);
    git(repo, ['-c', `user.name=${evilAuthor}`, 'commit', '-q', '--no-verify', '-m', `key ${ESC}[2J`]);
    for (const format of ['text', 'json', 'sarif', 'html']) {
      const r = leakguard(['scan', '--all-history', '--format', format], repo);
      expect({ format, code: r.code }).toEqual({ format, code: 1 });
      expect(r.out).not.toMatch(UNSAFE);
    }
    const json = JSON.parse(leakguard(['scan', '--all-history', '--format', 'json'], repo).stdout);
    expect(json.findings[0].author).toContain(evilAuthor);
  });

  test("errors, notices and a config rule's title and playbook", () => {
    const repo = newRepo();
    const missing = leakguard(['scan', `no${ESC}[2Jsuch.js`], repo);
    expect(missing.out).not.toMatch(UNSAFE);
    write(
      repo,
      '.leakguard.json',
      JSON.stringify({
        rules: [
          {
            id: 'acme-key',
            title: `Acme ${ESC}[2J key`,
            severity: 'high',
            keywords: ['acme_'],
            pattern: 'acme_[a-z0-9]{24}',
            provider: 'Acme',
            playbook: { console: 'https://acme.example/keys', revoke: `Revoke ${ESC}]0;x\x07 it.` },
          },
        ],
      }),
    );
    write(repo, 'k.txt', `k = acme_${'q7'.repeat(12)}\n`);
    commitAll(repo, 'acme');
    for (const args of [['scan', 'k.txt'], ['explain', 'acme-key'], ['rules'], ['scan', path.join('..', 'nowhere', `x${ESC}[2J`)]]) {
      const r = leakguard(args, repo);
      expect({ args, out: r.out }).not.toEqual({ args, out: expect.stringMatching(UNSAFE) });
    }
  });
});
