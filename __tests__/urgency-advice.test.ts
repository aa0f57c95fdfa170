/** The block message: urgency that matches where the key is, the right variable per credential, long blocks kept short. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { commitAll, git, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';
import { expand } from '../scripts/fixtures/generate';
import type { ProviderSpec } from '../src/rules/types';

function repoWithRemote(): string {
  const r = newRepo();
  const remote = newRepo({ bare: true, dir: path.join(tempDir(), 'remote.git') });
  write(r, 'README.md', 'x\n');
  commitAll(r, 'init');
  git(r, ['remote', 'add', 'origin', remote]);
  git(r, ['push', '-q', 'origin', 'main']);
  return r;
}

describe('urgency: a key that is already pushed is public', () => {
  test('a staged copy of a pushed key leads with revoking it', () => {
    const r = repoWithRemote();
    const key = fakeKey('anthropic', 'pushed');
    write(r, 'old.env', `ANTHROPIC_API_KEY=${key}\n`);
    commitAll(r, 'old');
    git(r, ['push', '-q', 'origin', 'main']);
    write(r, 'src/client.ts', `const key = "${key}";\n`);
    git(r, ['add', 'src/client.ts']);
    const res = leakguard(['scan', '--staged'], r);
    expect(res.code).toBe(1);
    expect(res.stdout).not.toMatch(/nothing has left your machine/i);
    expect(res.stdout).toMatch(/already public/i);
    const advice = res.stdout.slice(res.stdout.indexOf('Anthropic: '));
    expect(advice.split('\n')[0]).toMatch(/revoke it now/i);
    expect(advice.indexOf('Revoke the old key')).toBeLessThan(advice.indexOf('src/client.ts line 1'));
    expect(res.stdout).not.toContain(key);
  });

  test('also when the pushed history no longer holds it at the tip', () => {
    const r = repoWithRemote();
    const line = fakeLine('cohere', 'gone');
    write(r, 'a.py', `${line}\n`);
    commitAll(r, 'add');
    fs.rmSync(path.join(r, 'a.py'));
    commitAll(r, 'remove');
    git(r, ['push', '-q', 'origin', 'main']);
    write(r, 'b.py', `${line}\n`);
    git(r, ['add', 'b.py']);
    expect(leakguard(['scan', '--staged'], r).stdout).toMatch(/already public/i);
  });

  test('a new key, or a key only in local commits, is not called public', () => {
    const r = repoWithRemote();
    write(r, 'local.py', `${fakeLine('cohere', 'local')}\n`);
    commitAll(r, 'local only');
    write(r, 'again.py', `${fakeLine('cohere', 'local')}\n`);
    write(r, 'new.py', `${fakeLine('cohere', 'new')}\n`);
    git(r, ['add', '.']);
    const res = leakguard(['scan', '--staged'], r);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/nothing has left your machine/);
    expect(res.stdout).not.toMatch(/already public/i);
  });
});

describe('the variable and the loading pattern of each credential', () => {
  test('an AWS secret access key goes into AWS_SECRET_ACCESS_KEY, the key id into AWS_ACCESS_KEY_ID', () => {
    const r = newRepo();
    write(
      r,
      'credentials',
      `[default]\naws_access_key_id = ${expand('AKIA{b32:16}', 'ux-id')}\naws_secret_access_key = ${expand('{b64:40}', 'ux-secret')}\n`,
    );
    git(r, ['add', '.']);
    const out = leakguard(['scan', '--staged'], r).stdout;
    const line = (n: number) => out.split('\n').find((l) => new RegExp(`credentials line ${n}\\b`).test(l)) ?? '';
    expect(line(3)).toContain('AWS_SECRET_ACCESS_KEY');
    expect(line(3)).not.toContain('AWS_ACCESS_KEY_ID');
    expect(line(2)).toContain('AWS_ACCESS_KEY_ID');
  });

  test('one rule, two kinds of key: a Datadog application key is DD_APP_KEY, an API key DD_API_KEY', () => {
    const r = newRepo();
    write(r, 'settings.py', `dd_api_key = "${expand('{hex:32}', 'ux-dd-api')}"\ndd_app_key = "${expand('{hex:40}', 'ux-dd-app')}"\n`);
    git(r, ['add', '.']);
    const out = leakguard(['scan', '--staged'], r).stdout;
    expect(out).toContain('settings.py line 1: delete the key and read it with os.environ["DD_API_KEY"] instead.');
    expect(out).toContain('settings.py line 2: delete the key and read it with os.environ["DD_APP_KEY"] instead.');
  });

  test('fix writes an AWS secret key as AWS_SECRET_ACCESS_KEY', () => {
    const r = newRepo();
    write(r, 'README.md', 'x\n');
    commitAll(r, 'init');
    const secret = expand('{b64:40}', 'ux-fix');
    write(r, 'deploy.py', `aws_secret_access_key = "${secret}"\n`);
    git(r, ['add', '.']);
    expect(leakguard(['fix', '--yes'], r).code).toBe(0);
    expect(fs.readFileSync(path.join(r, '.env'), 'utf8')).toContain(`AWS_SECRET_ACCESS_KEY=${secret}`);
    expect(fs.readFileSync(path.join(r, 'deploy.py'), 'utf8')).toContain('os.environ["AWS_SECRET_ACCESS_KEY"]');
  });

  test('a service-account key is loaded from a file through GOOGLE_APPLICATION_CREDENTIALS, and fix leaves it alone', () => {
    const r = newRepo();
    write(r, 'README.md', 'x\n');
    commitAll(r, 'init');
    const b = expand('{b64:64}', 'ux-sa');
    write(
      r,
      'sa.json',
      `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${b}\\n${b}\\n-----END PRIVATE KEY-----\\n"\n}\n`,
    );
    git(r, ['add', '.']);
    const out = leakguard(['scan', '--staged'], r).stdout;
    expect(out).toMatch(/sa\.json line 3: .*GOOGLE_APPLICATION_CREDENTIALS at its path/);
    expect(out).toMatch(/workload identity/);
    expect(out).not.toContain('GOOGLE_API_KEY');
    const fix = leakguard(['fix', '--yes'], r);
    expect(fix.out).toMatch(/left alone sa\.json: .*GOOGLE_APPLICATION_CREDENTIALS/);
    expect(fs.existsSync(path.join(r, '.env'))).toBe(false);
  });

  test('every rule of a provider with several rules and several variables names its own variable, from the provider list', () => {
    const dir = path.join(__dirname, '..', 'rules');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const spec = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ProviderSpec;
      for (const rule of spec.rules) {
        if (spec.rules.length > 1 && spec.envVars.length > 1)
          expect({ file: f, rule: rule.id, declares: !!rule.envVars?.length }).toEqual({ file: f, rule: rule.id, declares: true });
        for (const v of [...(rule.envVars ?? []), ...(rule.envVarsByValue ?? []).map((m) => m.envVar)])
          expect({ rule: rule.id, inProviderList: spec.envVars.includes(v) }).toEqual({ rule: rule.id, inProviderList: true });
        if (rule.envVarHoldsFile) expect(rule.advice).toBeTruthy();
      }
    }
  });
});

describe('long blocks', () => {
  test('one playbook per provider, and one line per finding beyond ten', () => {
    const r = newRepo();
    for (let i = 0; i < 8; i++) write(r, `o${i}.ts`, `${fakeLine('openai', `many${i}`)}\n`);
    for (let i = 0; i < 4; i++) write(r, `a${i}.env`, `${fakeLine('anthropic', `many${i}`)}\n`);
    write(r, 'c.py', `${fakeLine('cohere', 'many')}\n`);
    git(r, ['add', '.']);
    const res = leakguard(['scan', '--staged'], r);
    expect(res.code).toBe(1);
    const out = res.stdout;
    expect(out.match(/Create a new key/g)).toHaveLength(3);
    expect(out.match(/Full playbook: leakguard explain (openai|anthropic|cohere)\b/g)).toHaveLength(3);
    // each finding on one line: file:line, the rule, the redacted key, the fingerprint
    for (let i = 0; i < 8; i++)
      expect(out).toMatch(new RegExp(`^ {2}o${i}\\.ts:1 +OpenAI project API key +sk-proj-\\S+ +openai-project-key:[0-9a-f]+$`, 'm'));
    expect(out).not.toMatch(/^\s+fingerprint:/m);
    expect(out.split('\n').length).toBeLessThan(90);
  });

  test('a short block keeps the detailed listing', () => {
    const r = newRepo();
    write(r, 'o.ts', `${fakeLine('openai', 'few')}\n`);
    git(r, ['add', '.']);
    expect(leakguard(['scan', '--staged'], r).stdout).toMatch(/^\s+fingerprint: openai-project-key:/m);
  });
});
