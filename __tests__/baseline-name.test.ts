/**
 * The baseline and ignore files are no hiding place: a file with their name is scanned like any other,
 * and a real baseline (fingerprints and redacted keys only) finds nothing when it is scanned.
 */
import { fakeKey } from './support/keys';
import { expand } from '../scripts/fixtures/generate';
import { leakguard, newRepo, write, git, commitAll, json } from './support/cli';

const PROVIDERS = ['openai', 'anthropic', 'cohere', 'pinecone', 'cloudinary'] as const;

describe('files named like the baseline or ignore file', () => {
  test.each(['.leakguard-baseline.json', 'sub/.leakguard-baseline.json', '.leakguardignore', 'custom-baseline.json'])(
    '%s holding a key is scanned',
    (name) => {
      const repo = newRepo();
      write(repo, '.leakguard.json', '{"baseline":"custom-baseline.json"}');
      const key = fakeKey('openai', name);
      write(
        repo,
        name,
        `{\n  "version": 1,\n  "findings": [\n    { "fingerprint": "x:0", "ruleId": "openai-project-key", "file": "a.env", "match": "${key}" }\n  ]\n}\n`,
      );
      git(repo, ['add', '-A']);
      const r = leakguard(['scan', '--staged', '--format', 'json'], repo);
      expect(r.code).toBe(1);
      expect(json(r).findings.map((f) => f.file)).toEqual([name]);
    },
  );

  test('a baseline written by `leakguard baseline` finds nothing when it is committed and scanned', () => {
    const repo = newRepo();
    PROVIDERS.forEach((p, i) => {
      write(repo, `k${i}.env`, `${p.toUpperCase()}_KEY=${fakeKey(p, `bl${i}`)}\n`);
      commitAll(repo, `k${i}`);
    });
    write(repo, 'gh.js', `const t = "${expand('{gh:ghp_}', 'bl-gh')}";\n`);
    commitAll(repo, 'gh');
    expect(leakguard(['baseline'], repo).code).toBe(0);
    git(repo, ['add', '.leakguard-baseline.json']);
    expect(leakguard(['scan', '--staged'], repo).code).toBe(0);
    commitAll(repo, 'baseline');
    expect(leakguard(['scan', '--all-history'], repo).code).toBe(0);
    const alone = leakguard(['scan', '.leakguard-baseline.json', '--no-baseline', '--format', 'json'], repo);
    expect(json(alone).findings).toEqual([]);
    expect(alone.code).toBe(0);
  });
});
