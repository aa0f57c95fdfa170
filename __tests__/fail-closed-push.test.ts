/**
 * Fail closed at the push and in history audits: log.showRoot, replace refs, binary blobs, commit and
 * tag messages, pushes to a URL, tens of thousands of commits, and objects that cannot be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, commitAll, git, gitTry, json, leakguard, newRepo, tempDir, write, pushedRepo } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';
import { pathWithLeakguard } from './support/path-bin';

const env = pathWithLeakguard();
const ZERO = '0'.repeat(40);

/** A hooked repo with one clean commit pushed to a bare origin. */
function pushed(): { r: string; remote: string } {
  const { r, remote } = pushedRepo('README.md', '# test\n');
  expect(leakguard(['install'], r).code).toBe(0);
  return { r, remote };
}

function globalConfig(text: string): NodeJS.ProcessEnv {
  const file = path.join(tempDir(), 'gitconfig');
  fs.writeFileSync(file, text);
  return { GIT_CONFIG_GLOBAL: file };
}

describe('what the user config hides from git log', () => {
  test('log.showRoot=false does not hide the root commit (pre-push and --all-history)', () => {
    const g = globalConfig('[log]\n\tshowRoot = false\n');
    const remote = newRepo({ bare: true });
    const r = newRepo();
    expect(leakguard(['install'], r).code).toBe(0);
    git(r, ['remote', 'add', 'origin', remote]);
    write(r, 'a.js', fakeLine('openai', 'root') + '\n');
    commitAll(r, 'root');
    expect(leakguard(['scan', '--all-history', '--format', 'json'], r, { env: g }).code).toBe(1);
    const res = gitTry(r, ['push', '-q', 'origin', 'main'], { ...env, ...g });
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('a.js');
  });

  test('a replace object does not hide the commit that is really pushed', () => {
    const { r } = pushed();
    write(r, 'a.js', fakeLine('anthropic', 'repl') + '\n');
    commitAll(r, 'key');
    const withKey = git(r, ['rev-parse', 'HEAD']).trim();
    write(r, 'a.js', 'token = process.env.TOKEN\n');
    git(r, ['add', 'a.js']);
    const clean = git(r, ['commit-tree', git(r, ['write-tree']).trim(), '-p', 'HEAD~1', '-m', 'key']).trim();
    git(r, ['replace', withKey, clean]);
    git(r, ['reset', '-q', '--hard', withKey]);
    expect(leakguard(['scan', '--all-history', '--format', 'json'], r).code).toBe(1);
    expect(gitTry(r, ['push', '-q', 'origin', 'main'], env).code).not.toBe(0);
  });

  test('binary and attribute-hidden files in history are read from the blob', () => {
    const r = newRepo();
    write(r, '.gitattributes', '*.cfg -diff\n');
    write(r, 'app.cfg', fakeLine('openai', 'histattr') + '\n');
    fs.writeFileSync(
      path.join(r, 'data.db'),
      Buffer.concat([Buffer.from('\0\0\x01'), Buffer.from(`KEY="${fakeKey('anthropic', 'histdb')}"`), Buffer.from('\0')]),
    );
    commitAll(r, 'hidden keys');
    const res = leakguard(['scan', '--all-history', '--format', 'json'], r);
    expect(res.code).toBe(1);
    expect(
      json(res)
        .findings.map((f) => f.file)
        .sort(),
    ).toEqual(['app.cfg', 'data.db']);
  });
});

describe('messages', () => {
  test('a key in a commit message blocks the push', () => {
    const { r } = pushed();
    git(r, ['commit', '-q', '--allow-empty', '--no-verify', '-m', `deploy\n\nuse ${fakeKey('anthropic', 'msg')} for the job`]);
    const res = gitTry(r, ['push', '-q', 'origin', 'main'], env);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('<commit message>:3');
  });

  test('a key in an annotated tag message blocks the push of the tag', () => {
    const { r } = pushed();
    git(r, ['tag', '-a', 'v1.0.0', '-m', `release notes: token ${fakeKey('openai', 'tag')}`]);
    const res = gitTry(r, ['push', '-q', 'origin', 'v1.0.0'], env);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('<tag v1.0.0>');
  });

  test('a tag of a blob sends the blob, which is scanned', () => {
    const { r } = pushed();
    const blob = spawnSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: r,
      input: fakeLine('cohere', 'tagblob') + '\n',
      encoding: 'utf8',
    }).stdout.trim();
    git(r, ['tag', '-a', 'keyblob', '-m', 'a blob', blob]);
    expect(gitTry(r, ['push', '-q', 'origin', 'keyblob'], env).code).not.toBe(0);
  });
});

describe('what a push sends', () => {
  test('a push to a URL scans commits that are only on another remote', () => {
    const { r } = pushed();
    write(r, 'a.js', fakeLine('openai', 'url') + '\n');
    commitAll(r, 'key');
    git(r, ['push', '-q', '--no-verify', 'origin', 'main']);
    const publicRepo = newRepo({ bare: true });
    const res = gitTry(r, ['push', '-q', publicRepo, 'main'], env);
    expect(res.code).not.toBe(0);
    expect(git(publicRepo, ['for-each-ref']).trim()).toBe('');
    // Commits the URL already has are not scanned again.
    git(r, ['push', '-q', '--no-verify', publicRepo, 'main']);
    write(r, 'b.txt', 'clean\n');
    commitAll(r, 'clean');
    const head = git(r, ['rev-parse', 'HEAD']).trim();
    const only = leakguard(['scan', '--pre-push', publicRepo, publicRepo, '--format', 'json'], r, {
      input: `refs/heads/topic ${head} refs/heads/topic ${ZERO}\n`,
    });
    expect(only.code).toBe(0);
    expect(json(only).stats.commitsScanned).toBe(1);
  });

  const linux = process.platform === 'linux' ? test : test.skip;
  linux('15,000 new commits go to git on stdin, under a small argument limit', () => {
    const { r } = pushed();
    const lines = ['reset refs/heads/main', 'from refs/remotes/origin/main'];
    for (let i = 0; i < 15000; i++) {
      lines.push(
        'commit refs/heads/main',
        `committer T <t@example.com> ${1700000000 + i} +0000`,
        'data 1',
        'c',
        `M 644 inline f${i % 20}.txt`,
        `data ${String(i).length}`,
        String(i),
        '',
      );
    }
    write(r, 'last.txt', fakeLine('openai', 'many') + '\n');
    // A large malloc top pad keeps fast-import from trimming its heap after every commit (slow on some kernels).
    spawnSync('git', ['fast-import', '--quiet'], {
      cwd: r,
      input: lines.join('\n') + '\n',
      env: { ...process.env, MALLOC_TOP_PAD_: '100000000' },
    });
    git(r, ['reset', '-q', '--hard', 'main']);
    write(r, 'last.txt', fakeLine('openai', 'many') + '\n');
    commitAll(r, 'key at the end');
    const line = `refs/heads/main ${git(r, ['rev-parse', 'HEAD']).trim()} refs/heads/main ${git(r, ['rev-parse', 'origin/main']).trim()}\n`;
    // ARG_MAX is a quarter of the stack limit: 2 MiB of stack leaves 512 KiB, less than 15,000 ids.
    const res = spawnSync('sh', ['-c', `ulimit -s 2048; exec "${process.execPath}" "${CLI}" scan --pre-push origin x --format json`], {
      cwd: r,
      input: line,
      encoding: 'utf8',
    });
    expect(res.stderr).not.toContain('E2BIG');
    expect(res.status).toBe(1);
    expect(JSON.parse(res.stdout).stats.commitsScanned).toBe(15001);
  });

  test('an object that cannot be read stops the push (exit 2) and is named in every format', () => {
    const { r } = pushed();
    const tag = spawnSync('git', ['hash-object', '-t', 'tag', '-w', '--literally', '--stdin'], {
      cwd: r,
      encoding: 'utf8',
      input: `object ${'1'.repeat(40)}\ntype blob\ntag gone\ntagger T <t@example.com> 1700000000 +0000\n\nmissing\n`,
    }).stdout.trim();
    const input = `refs/tags/gone ${tag} refs/tags/gone ${ZERO}\n`;
    for (const format of ['text', 'json', 'sarif']) {
      const res = leakguard(['scan', '--pre-push', 'origin', 'x', '--format', format], r, { input });
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^leakguard: .*could not be scanned/m);
      expect(res.stdout).toContain('could not be read');
      if (format === 'json') expect(JSON.parse(res.stdout).notices[0].unscanned).toBe(true);
      if (format === 'sarif') expect(JSON.parse(res.stdout).runs[0].invocations[0].toolExecutionNotifications[0].level).toBe('error');
    }
  });
});
