/** Pre-push through a real `git push` to a local bare remote, --range and --all-history. */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, gitTry, json, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';
import { pathWithLeakguard } from './support/path-bin';

const env = pathWithLeakguard();

function setup() {
  const remote = newRepo({ bare: true });
  const r = newRepo();
  git(r, ['remote', 'add', 'origin', remote]);
  write(r, 'a.txt', 'a\n');
  commitAll(r, 'init');
  write(r, 'old.txt', fakeLine('cohere', 'old') + '\n');
  commitAll(r, 'old key, pushed before the hook existed');
  git(r, ['push', '-q', 'origin', 'main']);
  expect(leakguard(['install'], r).code).toBe(0);
  return { r, remote };
}

describe('pre-push', () => {
  test('a new branch whose second commit adds a key is refused, naming commit, file and line', () => {
    const { r } = setup();
    git(r, ['checkout', '-qb', 'feat']);
    write(r, 'b.txt', 'one\n');
    commitAll(r, 'one');
    write(r, 'k.txt', 'x\n' + fakeLine('anthropic', 'push') + '\n');
    commitAll(r, 'two');
    const sha = git(r, ['rev-parse', '--short=10', 'HEAD']).trim();
    const res = gitTry(r, ['push', '-q', 'origin', 'feat'], env);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain(sha);
    expect(res.out).toContain('k.txt:2');
    expect(res.out).toContain('git commit --amend');
    expect(res.out).not.toContain(fakeKey('anthropic', 'push'));
  });

  test('a clean new branch off a history with an old pushed key passes, scanning only its own commits', () => {
    const { r } = setup();
    git(r, ['checkout', '-qb', 'clean']);
    write(r, 'c.txt', 'c\n');
    commitAll(r, 'c');
    const head = git(r, ['rev-parse', 'HEAD']).trim();
    const url = git(r, ['remote', 'get-url', 'origin']).trim(); // what git passes: the tracking refs come from the same URL
    const res = leakguard(['scan', '--pre-push', 'origin', url, '--format', 'json'], r, {
      input: `refs/heads/clean ${head} refs/heads/clean ${'0'.repeat(40)}\n`,
    });
    expect(res.code).toBe(0);
    expect(json(res).stats.commitsScanned).toBe(1);
    expect(gitTry(r, ['push', '-q', 'origin', 'clean'], env).code).toBe(0);
    expect(gitTry(r, ['push', '-q', 'origin', ':clean'], env).code).toBe(0);
  });

  test('a force push that adds a key is refused', () => {
    const { r } = setup();
    write(r, 'f.txt', fakeLine('openai', 'force') + '\n');
    git(r, ['add', 'f.txt']);
    git(r, ['commit', '-q', '--amend', '--no-verify', '-m', 'amended']);
    const res = gitTry(r, ['push', '-q', '-f', 'origin', 'main'], env);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('f.txt');
  });

  test('a remote tip that is not here fails closed with advice', () => {
    const { r } = setup();
    const head = git(r, ['rev-parse', 'HEAD']).trim();
    const res = leakguard(['scan', '--pre-push', 'origin', 'url'], r, {
      input: `refs/heads/main ${head} refs/heads/main ${'1'.repeat(40)}\n`,
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('git fetch origin');
  });

  test('a shallow clone whose push reaches the cut-off fails closed', () => {
    const { remote } = setup();
    const c = path.join(tempDir(), 'shallow');
    git(path.dirname(c), ['clone', '-q', '--depth', '1', `file://${remote}`, c]);
    git(c, ['config', 'user.name', 'T']);
    git(c, ['config', 'user.email', 't@example.com']);
    git(c, ['checkout', '-qb', 'other']);
    write(c, 'n.txt', 'n\n');
    commitAll(c, 'n');
    const head = git(c, ['rev-parse', 'HEAD']).trim();
    git(c, ['remote', 'rm', 'origin']);
    const res = leakguard(['scan', '--pre-push', 'origin', 'url'], c, {
      input: `refs/heads/other ${head} refs/heads/other ${'0'.repeat(40)}\n`,
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('shallow');
  });
});

describe('history', () => {
  function historyRepo() {
    const r = newRepo();
    for (let i = 0; i < 30; i++) {
      fs.appendFileSync(path.join(r, `f${i % 3}.txt`), `line ${i}\n`);
      if (i % 10 === 5) write(r, `secrets${i}.env`, fakeLine('pinecone', `h${i}`) + '\n');
      commitAll(r, `c${i}`);
    }
    git(r, ['checkout', '-qb', 'side']);
    write(r, 'side.env', fakeLine('openai', 'side') + '\n');
    commitAll(r, 'side');
    git(r, ['checkout', '-q', 'main']);
    git(r, ['checkout', '-qb', 'm1']);
    write(r, 'conf.txt', 'x = 1\n');
    commitAll(r, 'm1');
    git(r, ['checkout', '-q', 'main']);
    write(r, 'conf.txt', 'x = 2\n');
    commitAll(r, 'm2');
    gitTry(r, ['merge', '-q', 'm1']);
    write(r, 'conf.txt', fakeLine('anthropic', 'merge') + '\n');
    commitAll(r, 'merge');
    return r;
  }

  test('--all-history finds keys on every branch and in a conflict resolution, with commit and author', () => {
    const r = historyRepo();
    const res = leakguard(['scan', '--all-history', '--format', 'json'], r);
    expect(res.code).toBe(1);
    const f = json(res).findings;
    expect(f.map((x) => x.file).sort()).toEqual(['conf.txt', 'secrets15.env', 'secrets25.env', 'secrets5.env', 'side.env']);
    for (const x of f)
      expect(x).toMatchObject({
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        author: 'Test User <test@example.com>',
        date: expect.any(String),
        line: 1,
      });
    const text = leakguard(['scan', '--all-history'], r);
    expect(text.out).toContain('treat it as public');
    expect(text.out).toContain('Revoke');
  });

  test('the same key in many commits is reported per commit and grouped in text', () => {
    const r = newRepo();
    const line = fakeLine('openai', 'many');
    for (let i = 0; i < 4; i++) {
      // Added, removed, added again: each addition is a new finding of the same secret.
      write(r, 'k.env', `${line}\n`);
      commitAll(r, `add ${i}`);
      write(r, 'k.env', `# removed ${i}\n`);
      commitAll(r, `remove ${i}`);
    }
    const res = leakguard(['scan', '--all-history', '--format', 'json'], r);
    expect(json(res).findings.length).toBe(4);
    expect(leakguard(['scan', '--all-history'], r).out).toContain('also in 3 later commits');
  });

  test('--range scans only the range', () => {
    const r = newRepo();
    write(r, 'a.env', fakeLine('cohere', 'r1') + '\n');
    commitAll(r, 'a');
    const base = git(r, ['rev-parse', 'HEAD']).trim();
    write(r, 'b.txt', 'b\n');
    commitAll(r, 'b');
    expect(leakguard(['scan', '--range', `${base}..HEAD`], r).code).toBe(0);
    write(r, 'c.env', fakeLine('openai', 'r2') + '\n');
    commitAll(r, 'c');
    const res = leakguard(['scan', '--range', `${base}..HEAD`, '--format', 'json'], r);
    expect(json(res).findings.map((x) => x.file)).toEqual(['c.env']);
    expect(leakguard(['scan', '--range', 'nope..HEAD'], r).code).toBe(2);
  });

  test('SARIF output is valid SARIF 2.1.0', () => {
    require('@microsoft/jest-sarif');
    const r = historyRepo();
    const res = leakguard(['scan', '--all-history', '--format', 'sarif'], r);
    const sarif = JSON.parse(res.stdout);
    (expect(sarif) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();
    expect(sarif.runs[0].results.length).toBe(5);
    expect(sarif.runs[0].results[0].partialFingerprints['leakguard/v1']).toMatch(/:/);
    expect(sarif.runs[0].tool.driver.rules[0].help.text).toContain('https://');
  });
});
