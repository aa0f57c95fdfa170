/**
 * A history audit remembers the commits it judged clean (.git/leakguard/clean-commits) and reads only
 * the others next time: the report must not change, only the work done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, leakguard, newRepo, write } from './support/cli';
import { fakeLine } from './support/keys';

interface Report {
  findings: Array<{ ruleId: string; file: string; commit?: { sha: string } }>;
  suppressed: unknown;
  notices: unknown;
  stats: { filesScanned: number; commitsScanned: number };
}

const audit = (repo: string, env: NodeJS.ProcessEnv = {}) => {
  const r = leakguard(['scan', '--all-history', '--format', 'json'], repo, { env });
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
};
const visible = ({ findings, suppressed, notices }: Report) => ({ findings, suppressed, notices });
const cacheFile = (repo: string) => path.join(repo, '.git', 'leakguard', 'clean-commits');

function history(): string {
  const r = newRepo();
  for (let i = 0; i < 6; i++) {
    write(r, `src/m${i}.js`, `export const v${i} = ${i};\n`);
    commitAll(r, `module ${i}`);
  }
  write(r, 'conf/a.env', `${fakeLine('openai', 'cache')}\n`);
  commitAll(r, 'a key');
  write(r, 'src/m0.js', 'export const v0 = 10;\n');
  commitAll(r, 'after');
  return r;
}

describe('history audit cache', () => {
  test('a second audit reports the same and reads only the commits with something in them', () => {
    const r = history();
    const first = audit(r);
    expect(first.code).toBe(1);
    expect(first.report.findings.map((f) => f.file)).toEqual(['conf/a.env']);
    expect(fs.existsSync(cacheFile(r))).toBe(true);
    const second = audit(r);
    expect(second.code).toBe(1);
    expect(visible(second.report)).toEqual(visible(first.report));
    expect(second.report.stats.commitsScanned).toBe(first.report.stats.commitsScanned);
    expect(second.report.stats.filesScanned).toBeLessThan(first.report.stats.filesScanned);
    // The reference reader agrees.
    expect(visible(audit(r, { LEAKGUARD_HISTORY: 'patches' }).report)).toEqual(visible(first.report));
  });

  test('a commit made after the audit is read: its key is found', () => {
    const r = history();
    audit(r);
    write(r, 'src/m3.js', `export const token = "x";\n${fakeLine('anthropic', 'later')}\n`);
    commitAll(r, 'new key');
    const { code, report } = audit(r);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.file)).toEqual(['src/m3.js', 'conf/a.env']);
  });

  test('other rules or ignored paths judge every commit again (another signature)', () => {
    const r = history();
    const before = audit(r).report;
    write(r, '.leakguard.json', JSON.stringify({ ignorePaths: ['conf/**'] }));
    const ignored = audit(r);
    expect(ignored.code).toBe(0);
    expect(ignored.report.stats.filesScanned).toBeGreaterThanOrEqual(before.stats.filesScanned);
    fs.rmSync(path.join(r, '.leakguard.json'));
    // Back to the first rules: the file now holds the other signature, so everything is judged again.
    expect(visible(audit(r).report)).toEqual(visible(before));
  });

  test('LEAKGUARD_HISTORY_CACHE=off writes nothing; a damaged or unwritable cache is no error', () => {
    const r = history();
    const off = audit(r, { LEAKGUARD_HISTORY_CACHE: 'off' });
    expect(off.code).toBe(1);
    expect(fs.existsSync(cacheFile(r))).toBe(false);
    fs.mkdirSync(path.dirname(cacheFile(r)), { recursive: true });
    fs.writeFileSync(cacheFile(r), 'not a cache\n\x00\x01\x02');
    expect(visible(audit(r).report)).toEqual(visible(off.report));
    fs.rmSync(path.dirname(cacheFile(r)), { recursive: true });
    fs.writeFileSync(path.dirname(cacheFile(r)), 'a file where the folder would go');
    const blocked = audit(r);
    expect(blocked.code).toBe(1);
    expect(visible(blocked.report)).toEqual(visible(off.report));
  });

  test('a linked worktree shares the repository cache', () => {
    const r = history();
    audit(r);
    const wt = path.join(path.dirname(r), `${path.basename(r)}-wt`);
    git(r, ['worktree', 'add', '-q', wt, '-b', 'wt']);
    const { code, report } = audit(wt);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.file)).toEqual(['conf/a.env']);
    expect(report.stats.filesScanned).toBeLessThan(3);
  });
});

describe('a history of mostly edits', () => {
  test('is read as patches on a first audit (same report), and what it found clean is remembered', () => {
    const r = newRepo();
    for (let i = 0; i < 600; i++) write(r, `lib/f${i}.c`, `int f${i}(void) { return ${i}; }\n`);
    commitAll(r, 'many files');
    for (let i = 0; i < 600; i++) write(r, `lib/f${i}.c`, `int f${i}(void) { return ${i + 1}; }\n`);
    write(r, 'lib/f7.c', `int f7(void) { return 8; }\n${fakeLine('pinecone', 'edits')}\n`);
    commitAll(r, 'edit every file');
    // A key store found by its name alone (its fragment has no lines): that commit is not remembered as clean.
    fs.writeFileSync(path.join(r, 'store.p12'), Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03]));
    commitAll(r, 'key store');
    const reference = audit(r, { LEAKGUARD_HISTORY: 'patches' }).report;
    const first = audit(r);
    expect(first.code).toBe(1);
    expect(visible(first.report)).toEqual(visible(reference));
    expect(first.report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['pkcs12-key-store', 'pinecone-api-key']));
    // The root commit was clean and is remembered; the commit with the key is read again.
    const second = audit(r);
    expect(visible(second.report)).toEqual(visible(reference));
    expect(second.report.stats.filesScanned).toBeLessThan(first.report.stats.filesScanned);
  });
});

test('an audit of a shallow clone says that older commits were not audited, and remembers nothing there', () => {
  const r = history();
  const clone = path.join(path.dirname(r), `${path.basename(r)}-shallow`);
  git(path.dirname(r), ['clone', '-q', '--depth', '2', `file://${r}`, clone]);
  const { code, report } = audit(clone);
  expect(code).toBe(1);
  expect(JSON.stringify(report.notices)).toMatch(/shallow: commits before its boundary were not audited/);
  expect(fs.existsSync(cacheFile(clone))).toBe(false);
});
