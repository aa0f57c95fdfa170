/** A key that is also in a file's path is never printed whole (without --no-redact), in any format. */
import { git, leakguard, newRepo, write } from './support/cli';
import { fakeKey } from './support/keys';

test.each(['text', 'json', 'sarif'])('a key in the file name and the file is redacted in %s', (format) => {
  const r = newRepo();
  const key = fakeKey('pinecone', `path-${format}`);
  write(r, `cfg/${key}.env`, `PINECONE_API_KEY=${key}\n`);
  git(r, ['add', '.']);
  const res = leakguard(['scan', '--staged', '--format', format], r);
  expect(res.code).toBe(1);
  expect(res.stdout.includes(key)).toBe(false);
  expect(res.stdout).toContain('pcsk_');
  const whole = leakguard(['scan', '--staged', '--format', format, '--no-redact'], r);
  expect(whole.stdout.includes(key)).toBe(true);
});
