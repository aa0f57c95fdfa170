/** An inline marker allows its own line: on a PEM header it does not vouch for the key lines below it. */
import { git, json, leakguard, newRepo, write } from './support/cli';
import { expand } from '../scripts/fixtures/generate';

function pem(seed: string): string {
  const body = [0, 1, 2].map((i) => expand('{b64:64}', `${seed}:${i}`));
  return ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'].join('\n');
}

test('a marker on the BEGIN line does not allow the key block', () => {
  const r = newRepo();
  const lines = pem('allow-block').split('\n');
  lines[0] += ' # leakguard:allow sample';
  write(r, 'id.pem', lines.join('\n') + '\n');
  git(r, ['add', '.']);
  const res = leakguard(['scan', '--staged', '--format', 'json'], r);
  expect(res.code).toBe(1);
  expect(json(res).findings.map((f) => f.ruleId)).toEqual(['private-key']);
});

test('the fingerprint in .leakguardignore still allows it', () => {
  const r = newRepo();
  write(r, 'id.pem', pem('allow-block-2') + '\n');
  git(r, ['add', '.']);
  const fp = json(leakguard(['scan', '--staged', '--format', 'json'], r)).findings[0].fingerprint;
  write(r, '.leakguardignore', `${fp}\n`);
  git(r, ['add', '.']);
  expect(leakguard(['scan', '--staged'], r).code).toBe(0);
});
