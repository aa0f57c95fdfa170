/**
 * Only the repository's own root config (or an explicit --config) configures a scan: a config in a
 * folder above the repository, which someone else may control, never applies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expand } from '../scripts/fixtures/generate';
import { leakguard, newRepo, tempDir, write, git } from './support/cli';

const token = (seed: string): string => expand('{gh:ghp_}', `scope:${seed}`);

function repoBelow(outer: string): string {
  const repo = newRepo({ dir: path.join(outer, 'work', 'repo') });
  write(repo, 'a.js', `const t = "${token(outer)}";\n`);
  git(repo, ['add', 'a.js']);
  return repo;
}

describe('config scope', () => {
  test.each([
    ['.leakguard.json', '{"builtinRules":false}'],
    ['.leakguard.yaml', 'builtinRules: false\n'],
    ['package.json', '{"name":"x","leakguard":{"disableProviders":["GitHub"]}}'],
  ])('a %s in a folder above the repository does not apply', (name, text) => {
    for (const level of ['', 'work']) {
      const outer = tempDir();
      write(path.join(outer, level), name, text);
      const repo = repoBelow(outer);
      const r = leakguard(['scan', '--staged'], repo);
      expect(r.code).toBe(1);
      if (level) continue;
      // and from a sub-folder of the repository, and for a directory scan
      fs.mkdirSync(path.join(repo, 'sub'));
      expect(leakguard(['scan', '--staged'], path.join(repo, 'sub')).code).toBe(1);
      expect(leakguard(['scan', '.'], repo).code).toBe(1);
    }
  });

  test("the repository's own root config and an explicit --config still apply", () => {
    const outer = tempDir();
    const repo = repoBelow(outer);
    write(outer, 'elsewhere.json', '{"builtinRules":false}');
    expect(leakguard(['scan', '--staged', '--config', path.join(outer, 'elsewhere.json')], repo).code).toBe(0);
    // (a repository config that switches every check off stops the hook instead: config-weakening.test.ts)
    write(repo, '.leakguard.json', '{"disableProviders":["GitHub"]}');
    expect(leakguard(['scan', '--staged'], repo).code).toBe(0);
    expect(leakguard(['scan', '--staged'], path.join(repo)).code).toBe(0);
  });

  test("outside a repository, only the current folder's config applies", () => {
    const outer = tempDir();
    write(outer, '.leakguard.json', '{"builtinRules":false}');
    const dir = path.join(outer, 'plain');
    write(dir, 'a.js', `const t = "${token('plain')}";\n`);
    expect(leakguard(['scan', 'a.js'], dir, { env: { GIT_CEILING_DIRECTORIES: outer } }).code).toBe(1);
    expect(leakguard(['scan', 'plain/a.js'], outer, { env: { GIT_CEILING_DIRECTORIES: path.dirname(outer) } }).code).toBe(0);
  });
});
