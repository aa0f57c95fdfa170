/**
 * Regression tests for the attacks on the two-pass history audit (triage + clean-commits cache) that once
 * made it report less than the one-pass reference (LEAKGUARD_HISTORY=patches). Each case builds a small
 * real repository and runs four audits: the reference, the two-pass audit with the cache off, cold (no
 * cache: writes it) and warm (reads what the cold run wrote). All four must give the same findings, order,
 * suppressed counts, notices and exit code, and the key the attack hid must be among the findings.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expand } from '../scripts/fixtures/generate';
import { CLI, commitAll, git, leakguard, newRepo, tempDir, twoCommits, write } from './support/cli';
import { fakeKey } from './support/keys';

type Finding = { ruleId: string; file: string; commit: string; line: number };
interface Report {
  findings: Finding[];
  suppressed: Record<string, number>;
  notices: unknown[];
  stats: Record<string, number>;
}
interface Audit {
  code: number;
  visible: Pick<Report, 'findings' | 'suppressed' | 'notices'>;
  stats: Record<string, number>;
}

function audit(r: string, args: string[], env: NodeJS.ProcessEnv = {}): Audit {
  const run = leakguard(['scan', ...args, '--format', 'json'], r, { env });
  const { findings, suppressed, notices, stats } = JSON.parse(run.stdout) as Report;
  return { code: run.code, visible: { findings, suppressed, notices }, stats };
}
const cacheDir = (r: string) => path.resolve(r, git(r, ['rev-parse', '--git-common-dir']).trim(), 'leakguard');
const clearCache = (r: string) => fs.rmSync(cacheDir(r), { recursive: true, force: true });

/**
 * Reference, cold and warm audits agree; returns the reference's findings and what warm skipped. (A cold
 * audit with the cache off runs the same first pass as a cold one that writes it: left out, for time.)
 */
function fourAudits(r: string, args = ['--all-history']): { findings: Finding[]; knownClean: number } {
  clearCache(r);
  const reference = audit(r, args, { LEAKGUARD_HISTORY: 'patches' });
  clearCache(r);
  const cold = audit(r, args);
  const warm = audit(r, args);
  const want = { code: reference.code, ...reference.visible };
  for (const [name, run] of Object.entries({ cold, warm })) expect({ name, code: run.code, ...run.visible }).toEqual({ name, ...want });
  return { findings: reference.visible.findings, knownClean: warm.stats.commitsKnownClean ?? 0 };
}

const ruleIds = (f: Finding[]) => f.map((x) => x.ruleId);
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('18: a DER body in "# " lines above lines that would veto it in the whole blob', () => {
  const body = (seed: string) => expand('# MIIEpAIBAAKCAQEA{b64:48}\n# {b64:64}\n# {b64:64}\n', `der:${seed}`);
  test('18: a placeholder word (EXAMPLE) on the line below', () => {
    const notes = expand('# QUJD{alnum:20}EXAMPLE{alnum:33}\n', 'der:example');
    const { findings, knownClean } = fourAudits(twoCommits('notes.txt', notes, body('a') + notes));
    expect(ruleIds(findings)).toContain('private-key-body');
    expect(knownClean).toBeGreaterThan(0);
  });
  test('18b: ten low-entropy base64 lines below', () => {
    const padding = `# ${'A'.repeat(64)}\n`.repeat(10);
    const { findings } = fourAudits(twoCommits('notes.txt', padding, body('b') + padding));
    expect(ruleIds(findings)).toContain('private-key-body');
  });
});

describe('01: a blob over 4 MB with the key split across the 4 MB fragment boundary', () => {
  const line = '# filler text, nothing to see; '.repeat(5).slice(0, 99) + '\n';
  const filler = line.repeat(42366);
  test('01: "openai" on one line, the Bearer key on the next (a near-line check)', () => {
    const added = `curl https://api.openai.com/v1/chat/completions -H 'Content-Type: application/json' \\\n -H "Authorization: Bearer ${expand('sk-{alnum:48}', 'bearer')}"\n`;
    const { findings } = fourAudits(twoCommits('data.txt', filler, filler + added));
    expect(ruleIds(findings)).toContain('openai-bearer-key');
  });
  test('01b: a key in base64 wrapped over two lines', () => {
    const enc = b64(fakeKey('anthropic', 'wrap4mb'));
    const { findings } = fourAudits(twoCommits('data.txt', filler, `${filler}${enc.slice(0, 72)}\n${enc.slice(72)}\n`));
    expect(ruleIds(findings)).toContain('anthropic-api-key');
  });
});

describe('10: a 3 MB line whose start vetoes a secret far into it (read whole vs in 1 MB pieces)', () => {
  const f = 'a=b '.repeat(400000);
  test('10: "# " before APP_SECRET and "commit" before a hex secret, in a file', () => {
    const secret = expand('{alnum:24}', 'long-generic');
    const hex = expand('{hex:40}', 'long-hex');
    const lines = `# ${f} APP_SECRET="${secret}" ${f}\ncommit ${f} app_secret = "${hex}" ${f}\n`;
    const { findings, knownClean } = fourAudits(twoCommits('data.txt', 'start\n', `start\n${lines}`));
    expect(findings.length).toBeGreaterThan(0);
    expect(ruleIds(findings).some((id) => id.startsWith('generic-'))).toBe(true);
    expect(knownClean).toBeGreaterThan(0);
  });
  test('10b: the same long line in a commit message', () => {
    const r = newRepo();
    const msg = `subject\n\n// ${f} APP_SECRET="${expand('{alnum:24}', 'long-msg')}" ${f}\n`;
    git(r, ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'], { input: msg });
    const { findings } = fourAudits(r);
    expect(ruleIds(findings).some((id) => id.startsWith('generic-'))).toBe(true);
  });
});

test('04: .gitattributes "*.dat diff" on a UTF-16-looking blob that holds an ASCII key line', () => {
  const r = newRepo();
  write(r, '.gitattributes', '*.dat diff\n');
  commitAll(r, 'attributes');
  const utf16 = Buffer.from('header line of a utf-16 file\n'.repeat(40), 'utf16le');
  fs.writeFileSync(path.join(r, 'blob.dat'), Buffer.concat([utf16, Buffer.from(`\nANTHROPIC_API_KEY=${fakeKey('anthropic', 'u16')}\n`)]));
  commitAll(r, 'data');
  const { findings, knownClean } = fourAudits(r);
  expect(findings.map((x) => [x.ruleId, x.file])).toContainEqual(['anthropic-api-key', 'blob.dat']);
  expect(knownClean).toBeGreaterThan(0);
});

describe('09: a type change (status T) at a path that holds a key: the path is new', () => {
  test('09: a file replaced by a symlink, whole history and a range starting after the file was added', () => {
    const r = newRepo();
    const name = fakeKey('anthropic', 'path');
    write(r, name, 'plain\n');
    commitAll(r, 'a file named like a key');
    fs.rmSync(path.join(r, name));
    fs.symlinkSync('plain', path.join(r, name));
    commitAll(r, 'now a link');
    const link = git(r, ['rev-parse', 'HEAD']).trim();
    const all = fourAudits(r).findings;
    expect(all.filter((x) => x.commit === link).map((x) => x.ruleId)).toContain('anthropic-api-key');
    const range = fourAudits(r, ['--range', 'HEAD~1..HEAD']).findings;
    expect(range.map((x) => [x.ruleId, x.commit])).toContainEqual(['anthropic-api-key', link]);
  });
  test('09c: a file replaced by a submodule (gitlink), as a range', () => {
    const r = newRepo();
    const name = `id-${fakeKey('anthropic', 'gitlink')}`;
    write(r, name, 'plain\n');
    write(r, 'y', 'y\n');
    commitAll(r, 'a file named like a key');
    git(r, ['rm', '-q', '--cached', name]);
    fs.rmSync(path.join(r, name));
    git(r, ['update-index', '--add', '--cacheinfo', `160000,${git(r, ['rev-parse', 'HEAD']).trim()},${name}`]);
    git(r, ['commit', '-q', '--no-verify', '-m', 'now a submodule']);
    const { findings } = fourAudits(r, ['--range', 'HEAD~1..HEAD']);
    expect(ruleIds(findings)).toContain('anthropic-api-key');
  });
});

test('02: a commit audited clean becomes a shallow boundary (fetch --depth=1): its key is reported', () => {
  const origin = newRepo();
  write(origin, 'settings.env', `ANTHROPIC_API_KEY=${fakeKey('anthropic', 'shallow')}\n`);
  commitAll(origin, 'settings');
  write(origin, 'readme', 'one\n');
  commitAll(origin, 'readme');
  write(origin, 'readme', 'one\ntwo\n');
  commitAll(origin, 'more readme');
  const r = path.join(tempDir(), 'clone');
  git(origin, ['clone', '-q', '--no-local', '--depth=3', `file://${origin}`, r]);
  audit(r, ['--all-history']);
  git(r, ['fetch', '-q', '--depth=1', 'origin', 'main']);
  // The warm audit reads whatever the first audit left.
  const reference = audit(r, ['--all-history'], { LEAKGUARD_HISTORY: 'patches' });
  const warm = audit(r, ['--all-history']);
  expect({ code: warm.code, ...warm.visible }).toEqual({ code: reference.code, ...reference.visible });
  expect(warm.code).toBe(1);
  expect(warm.visible.findings.map((x) => [x.ruleId, x.file])).toContainEqual(['anthropic-api-key', 'settings.env']);
  expect(fourAudits(r).findings).toEqual(reference.visible.findings);
});

describe('08: a hostile cache file: the audit ends with its findings (exit 1)', () => {
  const keyRepo = () => {
    const r = newRepo();
    write(r, '.env', `ANTHROPIC_API_KEY=${fakeKey('anthropic', 'hostile')}\n`);
    commitAll(r, 'config');
    fs.mkdirSync(cacheDir(r), { recursive: true });
    return r;
  };
  /** The audit, killed after 20 s so a hang fails the test instead of the run (a guard, not a timing check). */
  const guarded = (r: string) => {
    const run = spawnSync(process.execPath, [CLI, 'scan', '--all-history', '--format', 'json'], {
      cwd: r,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    return (JSON.parse(run.stdout) as Report).findings;
  };
  test("08b: a FIFO in the cache file's place", () => {
    const r = keyRepo();
    expect(spawnSync('mkfifo', [path.join(cacheDir(r), 'clean-commits')]).status).toBe(0);
    expect(ruleIds(guarded(r))).toContain('anthropic-api-key');
  });
  test('08c: the cache file is a symlink to /dev/zero', () => {
    const r = keyRepo();
    fs.symlinkSync('/dev/zero', path.join(cacheDir(r), 'clean-commits'));
    expect(ruleIds(guarded(r))).toContain('anthropic-api-key');
  });
});
