/** The pre-commit framework manifest and the GitHub composite action, exercised for real. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import { commitAll, git, newRepo, ROOT, tempDir, write } from './support/cli';
import { fakeLine } from './support/keys';

const preCommit = ['/usr/bin/pre-commit', '/usr/local/bin/pre-commit'].find((p) => fs.existsSync(p));
const action = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

describe('action.yml', () => {
  test('is a valid composite action: every step has a shell and a run, every input it uses is declared', () => {
    expect(action).toMatchObject({ name: expect.any(String), description: expect.any(String), runs: { using: 'composite' } });
    for (const s of action.runs.steps) expect(s).toMatchObject({ shell: 'bash', run: expect.any(String) });
    const text = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const used = [...text.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)].map((m) => m[1]);
    for (const u of used) expect(Object.keys(action.inputs)).toContain(u);
  });

  test('its scan step writes SARIF for a pull request range and fails on findings', () => {
    const r = newRepo();
    write(r, 'a.txt', 'a\n');
    commitAll(r, 'base');
    const base = git(r, ['rev-parse', 'HEAD']).trim();
    write(r, 'k.env', fakeLine('openai', 'action') + '\n');
    commitAll(r, 'head');
    const head = git(r, ['rev-parse', 'HEAD']).trim();
    const scan = action.runs.steps.find((s: { name: string }) => s.name === 'Scan');
    const env = {
      ...process.env,
      GITHUB_ACTION_PATH: ROOT,
      LG_RANGE: '',
      LG_BASE: base,
      LG_HEAD: head,
      LG_SARIF: 'out.sarif',
      LG_FAIL: 'true',
    };
    const res = spawnSync('bash', ['-e', '-c', scan.run], { cwd: r, env, encoding: 'utf8' });
    expect(res.status).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(r, 'out.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['openai-project-key']);
    const noFail = spawnSync('bash', ['-e', '-c', scan.run], { cwd: r, env: { ...env, LG_FAIL: 'false' }, encoding: 'utf8' });
    expect(noFail.status).toBe(0);
  });
});

(preCommit ? test : test.skip)(
  `the pre-commit framework installs leakguard from this repository and blocks a key${preCommit ? '' : ' (skipped: apt-get install pre-commit)'}`,
  () => {
    const head = git(ROOT, ['rev-parse', 'HEAD']).trim();
    const r = newRepo();
    write(r, '.pre-commit-config.yaml', `repos:\n  - repo: ${ROOT}\n    rev: ${head}\n    hooks:\n      - id: leakguard\n`);
    write(r, 'k.env', fakeLine('anthropic', 'framework') + '\n');
    git(r, ['add', '-A']);
    const res = spawnSync(preCommit!, ['run', 'leakguard'], {
      cwd: r,
      env: { ...process.env, PRE_COMMIT_HOME: tempDir('pc-') },
      encoding: 'utf8',
      timeout: 240000,
    });
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toContain('https://console.anthropic.com/settings/keys');
  },
  300000,
);
