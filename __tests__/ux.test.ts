/** Everyday use: per-command help, clean-scan summaries, clear I/O errors, scanning any path, the rules listing. */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, json, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeLine } from './support/keys';
import { UserError, asUserError } from '../src/errors';
import { HOMEPAGE } from '../src/messages';

const noBug = (s: string) => {
  expect(s).not.toMatch(/^\s+at .*\.(js|ts):\d+/m);
  expect(s).not.toMatch(/this is a bug/i);
};

describe('help', () => {
  const global = leakguard(['--help'], tempDir()).stdout;
  test.each(['scan', 'install', 'uninstall', 'fix', 'baseline', 'explain', 'rules', 'help'])('%s has its own help, three ways', (cmd) => {
    const d = tempDir();
    const runs = [leakguard([cmd, '--help'], d), leakguard([cmd, '-h'], d), leakguard(['help', cmd], d)];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).not.toBe(global);
      expect(r.stdout).toContain(`Usage: leakguard ${cmd}`);
      expect(r.stdout).toMatch(/\nExample:\n {2}\S/);
    }
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
  });

  test('each command help names the options that command takes', () => {
    const d = tempDir();
    const scan = leakguard(['scan', '--help'], d).stdout;
    for (const o of ['--staged', '--pre-push', '--all-history', '--range', '--stdin', '--format', '--output', '--no-redact', '--verify'])
      expect(scan).toContain(o);
    expect(leakguard(['fix', '--help'], d).stdout).toContain('--yes');
    expect(leakguard(['rules', '--help'], d).stdout).toMatch(/--format text\|json\|sarif/);
  });

  test('help for an unknown command is a usage error', () => {
    for (const args of [
      ['help', 'frobnicate'],
      ['frobnicate', '--help'],
    ]) {
      const r = leakguard(args, tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown command "frobnicate"');
    }
  });

  test('a bad option names the command help to read', () => {
    const r = leakguard(['fix', '--bogus'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('leakguard fix --help');
  });
});

describe('a clean scan says so on stderr; stdout and the hooks stay clean', () => {
  let repo: string;
  beforeAll(() => {
    repo = newRepo();
    write(repo, 'src/a.ts', 'export const a = 1;\n');
    commitAll(repo, 'one');
    write(repo, 'src/b.ts', 'export const b = 2;\n');
    commitAll(repo, 'two');
  });

  test('--all-history counts commits', () => {
    const r = leakguard(['scan', '--all-history'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^leakguard: no secrets in 2 commits \(\d+\.\d s\)\n$/);
  });

  test('--range and a folder', () => {
    expect(leakguard(['scan', '--range', 'HEAD~1..HEAD'], repo).stderr).toMatch(
      /no secrets in 1 commit(, 1 known clean from an earlier audit)? \(/,
    );
    expect(leakguard(['scan', 'src'], repo).stderr).toMatch(/no secrets in 2 files \(/);
  });

  test('JSON and SARIF on stdout still parse', () => {
    for (const format of ['json', 'sarif']) {
      const r = leakguard(['scan', '--all-history', '--format', format], repo);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
      expect(r.stderr).toMatch(/no secrets in 2 commits/);
    }
  });

  test('the hooks are silent on a clean change', () => {
    write(repo, 'src/c.ts', 'export const c = 3;\n');
    git(repo, ['add', '-A']);
    const staged = leakguard(['scan', '--staged'], repo);
    expect(staged.code).toBe(0);
    expect(staged.out).toBe('');
    git(repo, ['reset', '-q']);
  });
});

describe('I/O and usage problems are one line with exit 2', () => {
  test('--output into a folder that does not exist', () => {
    const d = tempDir();
    write(d, 'leak.ts', fakeLine('openai', 'out') + '\n');
    for (const format of ['html', 'json', 'text']) {
      const r = leakguard(['scan', 'leak.ts', '--format', format, '--output', path.join(d, 'no', 'such', 'r.out')], d);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^leakguard: cannot write .*does not exist/);
      noBug(r.stderr);
    }
    const r = leakguard(['rules', '--output', path.join(d, 'nope', 'rules.txt')], d);
    expect(r.code).toBe(2);
    noBug(r.stderr);
  });

  test('--output naming a folder', () => {
    const d = tempDir();
    const r = leakguard(['scan', '.', '--output', d], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a folder');
    noBug(r.stderr);
  });

  test('a file-system error from inside a command becomes one line, not a bug', () => {
    let caught: unknown;
    try {
      fs.readFileSync(path.join(tempDir(), 'missing.json'));
    } catch (e) {
      caught = e;
    }
    const e = asUserError(caught);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/^cannot open .*missing\.json: no such file or folder$/);
    const bug = new TypeError('x is undefined');
    expect(asUserError(bug)).toBe(bug);
  });
});

describe('scan PATH from inside another repository', () => {
  test("the path's own repository (its .gitignore), or plain files", () => {
    const here = newRepo();
    write(here, 'x.ts', 'export {};\n');
    commitAll(here, 'x');
    const other = newRepo();
    write(other, '.gitignore', 'ignored.env\n');
    write(other, 'src/k.env', fakeLine('anthropic', 'other') + '\n');
    write(other, 'ignored.env', fakeLine('anthropic', 'ign') + '\n');
    const r = leakguard(['scan', other, '--format', 'json'], here);
    expect(r.code).toBe(1);
    expect(json(r).findings.map((f) => f.file)).toEqual(['src/k.env']);

    const plain = tempDir();
    write(plain, 'deep/k.txt', fakeLine('pinecone', 'plain') + '\n');
    const p = leakguard(['scan', path.join(plain, 'deep'), '--format', 'json'], here);
    expect(p.code).toBe(1);
    expect(json(p).findings).toHaveLength(1);
    noBug(p.stderr);
  });
});

describe('rules', () => {
  test('filters by provider or rule id', () => {
    const d = tempDir();
    const r = leakguard(['rules', 'openai'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/openai-project-key/);
    expect(r.stdout).not.toMatch(/anthropic/i);
    const byId = json(leakguard(['rules', 'aws-secret-access-key', 'Cohere', '--format', 'json'], d)) as unknown as {
      rules: Array<{ id: string }>;
    };
    expect(byId.rules.map((x) => x.id).sort()).toEqual(['aws-secret-access-key', 'cohere-api-key']);
    const bad = leakguard(['rules', 'nosuchprovider'], d);
    expect(bad.code).toBe(2);
    noBug(bad.stderr);
  });

  test('--format sarif is a SARIF log with tool.driver.rules; html is refused', () => {
    const d = tempDir();
    const r = leakguard(['rules', 'stripe', '--format', 'sarif'], d);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    require('@microsoft/jest-sarif');
    (expect(sarif) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['stripe-secret-key']));
    expect(sarif.runs[0].results).toEqual([]);
    const html = leakguard(['rules', '--format', 'html'], d);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('--format');
  });
});

describe('the package', () => {
  test('npm pack holds the CLI, hooks, rules, docs and LICENSE, and no sources or tests', () => {
    const ROOT = path.join(__dirname, '..');
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const want of [
      pkg.bin.leakguard,
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'dist/rules.json',
      'dist/playbooks.json',
      'hooks/pre-commit',
      'hooks/pre-push',
      'rules/openai.yaml',
      'docs/cli.md',
    ])
      expect(files).toContain(want);
    expect(files.filter((f) => /^src\/|\.ts$|__tests__|^dist\/scripts\/|^bench\//.test(f))).toEqual([]);
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
    expect(pkg.license).toBe('MIT');
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    for (const k of ['homepage', 'bugs', 'keywords']) expect(pkg[k]).toBeTruthy();
  });

  test('--help and SARIF point at the package homepage, not at a registry page', () => {
    const pkg = require('../package.json') as { homepage: string };
    expect(HOMEPAGE).toBe(pkg.homepage);
    const help = leakguard(['--help'], tempDir()).stdout;
    expect(help).toContain(pkg.homepage);
    expect(help).not.toMatch(/npmjs\.com/);
  });
});
