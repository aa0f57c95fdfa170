/** A valid Git LFS pointer: the local LFS object (what git-lfs uploads with the push) is scanned; a missing one is a notice. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { git, json, leakguard, write, pushedRepo } from './support/cli';
import { fakeKey } from './support/keys';

function setup(withObject: boolean) {
  const { r } = pushedRepo();
  const obj = Buffer.from(`TOKEN="${fakeKey('anthropic', 'lfs')}"\n`);
  const oid = crypto.createHash('sha256').update(obj).digest('hex');
  if (withObject) {
    const dir = path.join(r, '.git', 'lfs', 'objects', oid.slice(0, 2), oid.slice(2, 4));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, oid), obj);
  }
  write(r, 'creds.env', `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${obj.length}\n`);
  git(r, ['add', 'creds.env']);
  return { r, base: git(r, ['rev-parse', 'HEAD']).trim() };
}

test('the local LFS object of a staged pointer is scanned, and again at pre-push', () => {
  const { r, base } = setup(true);
  const staged = leakguard(['scan', '--staged', '--format', 'json'], r);
  expect(staged.code).toBe(1);
  expect(json(staged).findings[0]).toMatchObject({ file: 'creds.env' });
  git(r, ['commit', '-q', '--no-verify', '-m', 'lfs']);
  const head = git(r, ['rev-parse', 'HEAD']).trim();
  const url = git(r, ['remote', 'get-url', 'origin']).trim();
  const res = leakguard(['scan', '--pre-push', 'origin', url], r, { input: `refs/heads/main ${head} refs/heads/main ${base}\n` });
  expect(res.code).toBe(1);
});

test('a pointer whose object is not here passes with a notice', () => {
  const { r } = setup(false);
  const res = leakguard(['scan', '--staged', '--format', 'json'], r);
  expect(res.code).toBe(0);
  expect(JSON.stringify(JSON.parse(res.stdout).notices)).toContain('LFS');
});
