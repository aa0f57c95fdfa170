/** Keys that leave by other ways than file content: symlink targets, paths, ref names, commit headers, dropped hook input, env, pushurl. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, commitAll, git, json, leakguard, newRepo, write, pushedRepo } from './support/cli';
import { fakeKey } from './support/keys';
import { gitEnv } from '../src/git';

const ZERO = '0'.repeat(40);

function pushed() {
  const { r, remote } = pushedRepo();
  return { r, remote, base: git(r, ['rev-parse', 'HEAD']).trim() };
}

function prePush(r: string, line: string, url?: string) {
  return leakguard(['scan', '--pre-push', 'origin', url ?? git(r, ['remote', 'get-url', 'origin']).trim(), '--format', 'json'], r, {
    input: `${line}\n`,
  });
}

function files(res: ReturnType<typeof leakguard>): string[] {
  return json(res).findings.map((f) => String(f.file));
}

describe('names and targets leave with a commit', () => {
  test('a staged symlink whose target is a key is blocked', () => {
    const { r } = pushed();
    fs.symlinkSync(fakeKey('anthropic', 'link'), path.join(r, 'link'));
    git(r, ['add', 'link']);
    const res = leakguard(['scan', '--staged', '--format', 'json'], r);
    expect(res.code).toBe(1);
    expect(files(res)).toContain('link');
  });

  test('a key as a folder name is found staged (line 0), at pre-push and in history', () => {
    const { r, base } = pushed();
    const dir = `keys/${fakeKey('anthropic', 'dir')}`;
    write(r, `${dir}/readme.txt`, 'nothing here\n');
    git(r, ['add', '-A']);
    const staged = leakguard(['scan', '--staged', '--format', 'json', '--no-redact'], r);
    expect(staged.code).toBe(1);
    expect(json(staged).findings[0]).toMatchObject({ file: `${dir}/readme.txt`, line: 0 });
    // Redacted (the default), the path does not carry the whole key either.
    const shown = leakguard(['scan', '--staged', '--format', 'json'], r);
    expect(shown.stdout.includes(dir)).toBe(false);
    expect(json(shown).findings[0]).toMatchObject({ file: expect.stringMatching(/^keys\/sk-ant-api03-\u2026/), line: 0 });
    git(r, ['commit', '-q', '--no-verify', '-m', 'k']);
    const head = git(r, ['rev-parse', 'HEAD']).trim();
    expect(prePush(r, `refs/heads/main ${head} refs/heads/main ${base}`).code).toBe(1);
    expect(leakguard(['scan', '--all-history'], r).code).toBe(1);
  });

  test('a rename to a key name (git mv, nothing else changed) is blocked', () => {
    const { r } = pushed();
    git(r, ['mv', 'a.txt', `x-${fakeKey('pinecone', 'mv')}.txt`]);
    const res = leakguard(['scan', '--staged', '--format', 'json'], r);
    expect(res.code).toBe(1);
  });

  test('a key in a pushed tag name is blocked', () => {
    const { r, base } = pushed();
    const tag = `release-${fakeKey('anthropic', 'tag')}`;
    git(r, ['tag', tag]);
    const res = prePush(r, `refs/tags/${tag} ${base} refs/tags/${tag} ${ZERO}`);
    expect(res.code).toBe(1);
    expect(files(res)).toContain('<pushed ref name>');
  });
});

describe('commit object bytes', () => {
  function literal(r: string, body: Buffer): string {
    return git(r, ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: body }).trim();
  }
  const head = (tree: string, base: string, author = 't <t@e>') =>
    `tree ${tree}\nparent ${base}\nauthor ${author} 1700000000 +0000\ncommitter t <t@e> 1700000000 +0000\n`;

  test.each([
    ['author name', (t: string, b: string, k: string) => Buffer.from(`${head(t, b, `${k} <t@e>`)}\nfix\n`)],
    ['extra header', (t: string, b: string, k: string) => Buffer.from(`${head(t, b)}x-token ${k}\n\nfix\n`)],
    [
      'message after a NUL',
      (t: string, b: string, k: string) => Buffer.concat([Buffer.from(`${head(t, b)}\nfix\n\0`), Buffer.from(`KEY=${k}\n`)]),
    ],
    [
      'UTF-16 message',
      (t: string, b: string, k: string) =>
        Buffer.concat([Buffer.from(`${head(t, b)}encoding UTF-16LE\n\n`), Buffer.from(`KEY=${k}\n`, 'utf16le')]),
    ],
  ])('a key in the %s of a pushed commit is blocked', (_name, make) => {
    const { r, base } = pushed();
    const tree = git(r, ['rev-parse', 'HEAD^{tree}']).trim();
    const c = literal(r, make(tree, base, fakeKey('anthropic', 'obj')));
    expect(prePush(r, `refs/heads/main ${c} refs/heads/main ${base}`).code).toBe(1);
  });

  test('a UTF-16 tag message is decoded', () => {
    const { r, base } = pushed();
    const body = Buffer.concat([
      Buffer.from(`object ${base}\ntype commit\ntag v1\ntagger t <t@e> 1700000000 +0000\n\n`),
      Buffer.from(`KEY=${fakeKey('anthropic', 'tg')}\n`, 'utf16le'),
    ]);
    const t = git(r, ['hash-object', '-t', 'tag', '-w', '--literally', '--stdin'], { input: body }).trim();
    git(r, ['update-ref', 'refs/tags/v1', t]);
    expect(prePush(r, `refs/tags/v1 ${t} refs/tags/v1 ${ZERO}`).code).toBe(1);
  });

  test('an ordinary clean push is still clean', () => {
    const { r, base } = pushed();
    write(r, 'b.txt', 'b\n');
    commitAll(r, 'b');
    const res = prePush(r, `refs/heads/main ${git(r, ['rev-parse', 'HEAD']).trim()} refs/heads/main ${base}`);
    expect(res.code).toBe(0);
  });
});

describe('pre-push input', () => {
  function withKey() {
    const p = pushed();
    write(p.r, 'pay.py', `k = "${fakeKey('anthropic', 'in')}"\n`);
    commitAll(p.r, 'k');
    return p;
  }
  const run = (r: string, stdio: 'ignore' | 'pipe', env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, 'scan', '--pre-push', 'origin', 'url'], {
      cwd: r,
      stdio: [stdio, 'pipe', 'pipe'],
      input: stdio === 'pipe' ? '' : undefined,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });

  test('no lines on a stdin that is not a pipe from git is refused with a reason', () => {
    const { r } = withKey();
    const res = run(r, 'ignore', { PRE_COMMIT_TO_REF: '' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('no pre-push lines');
    expect(run(r, 'pipe', { LEAKGUARD_STDIN_PIPE: '0' }).status).toBe(2);
  });

  test('no lines through a pipe (git: everything up to date) pushes nothing and passes', () => {
    const { r } = withKey();
    expect(run(r, 'pipe').status).toBe(0);
  });

  test('a line that does not parse is refused', () => {
    const { r } = withKey();
    for (const line of ['refs/heads/main HEAD refs/heads/main 0', 'garbage']) {
      expect(leakguard(['scan', '--pre-push', 'origin', 'url'], r, { input: `${line}\n` }).code).toBe(2);
    }
  });

  test('a pushurl that differs from the fetch url: commits on the tracking refs are scanned', () => {
    const { r } = withKey();
    git(r, ['push', '-q', 'origin', 'main']);
    const pub = newRepo({ bare: true });
    git(r, ['config', 'remote.origin.pushurl', pub]);
    write(r, 'y.txt', 'y\n');
    commitAll(r, 'y');
    const res = prePush(r, `refs/heads/main ${git(r, ['rev-parse', 'HEAD']).trim()} refs/heads/main ${ZERO}`, pub);
    expect(res.code).toBe(1);
    expect(files(res)).toContain('pay.py');
  });
});

describe('environment', () => {
  test('variables that change what git reads are dropped; those that locate the repository stay', () => {
    const env = gitEnv({
      PATH: '/bin',
      GIT_ICASE_PATHSPECS: '1',
      GIT_LITERAL_PATHSPECS: '1',
      GIT_GLOB_PATHSPECS: '1',
      GIT_NOGLOB_PATHSPECS: '1',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'a.b',
      GIT_CONFIG_VALUE_0: 'c',
      GIT_CONFIG_PARAMETERS: "'a.b'='c'",
      GIT_DIFF_PATH_COUNTER: '1',
      GIT_DIR: '/r/.git',
      GIT_INDEX_FILE: '/r/i',
      GIT_WORK_TREE: '/r',
      GIT_OBJECT_DIRECTORY: '/o',
      GIT_ALTERNATE_OBJECT_DIRECTORIES: '/a',
      GIT_QUARANTINE_PATH: '/q',
    });
    for (const k of [
      'GIT_ICASE_PATHSPECS',
      'GIT_LITERAL_PATHSPECS',
      'GIT_GLOB_PATHSPECS',
      'GIT_NOGLOB_PATHSPECS',
      'GIT_CONFIG_COUNT',
      'GIT_CONFIG_KEY_0',
      'GIT_CONFIG_VALUE_0',
      'GIT_CONFIG_PARAMETERS',
      'GIT_DIFF_PATH_COUNTER',
    ])
      expect(env[k]).toBeUndefined();
    for (const k of [
      'PATH',
      'GIT_DIR',
      'GIT_INDEX_FILE',
      'GIT_WORK_TREE',
      'GIT_OBJECT_DIRECTORY',
      'GIT_ALTERNATE_OBJECT_DIRECTORIES',
      'GIT_QUARANTINE_PATH',
    ])
      expect(env[k]).toBeDefined();
  });

  test('a staged key is blocked under a hostile environment', () => {
    const { r } = pushed();
    fs.symlinkSync('target', path.join(r, 'CONFIG.py'));
    write(r, 'config.py', `k = "${fakeKey('anthropic', 'env')}"\n`);
    git(r, ['add', '-A']);
    const res = leakguard(['scan', '--staged'], r, {
      env: {
        GIT_ICASE_PATHSPECS: '1',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'core.bigFileThreshold',
        GIT_CONFIG_VALUE_0: '1',
        EDITOR: 'vi',
        PAGER: 'less',
      },
    });
    expect(res.code).toBe(1);
  });
});
