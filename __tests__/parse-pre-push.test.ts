/** Pure tests of the pre-push stdin parser: every shape git (and the pre-commit framework) hands a hook. */
import { frameworkPushLine, isZeroSha, parsePushLines, sendsObjects } from '../src/git/parse-pre-push';
import { UserError } from '../src/errors';

const sha = (c: string, n = 40) => c.repeat(n);
const ZERO = sha('0');
const A = sha('a');
const B = sha('b');

describe('parsePushLines', () => {
  test('an update of an existing branch', () => {
    const [u] = parsePushLines(`refs/heads/main ${A} refs/heads/main ${B}\n`);
    expect(u).toEqual({ localRef: 'refs/heads/main', localSha: A, remoteRef: 'refs/heads/main', remoteSha: B });
    expect(sendsObjects(u)).toBe(true);
  });

  test('a new branch: the remote sha is all zeros', () => {
    const [u] = parsePushLines(`refs/heads/feature ${A} refs/heads/feature ${ZERO}`);
    expect(isZeroSha(u.remoteSha)).toBe(true);
    expect(sendsObjects(u)).toBe(true);
  });

  test('a deletion: "(delete)" and an all-zero local sha send nothing', () => {
    const [u] = parsePushLines(`(delete) ${ZERO} refs/heads/old ${B}\n`);
    expect(u.localRef).toBe('(delete)');
    expect(sendsObjects(u)).toBe(false);
  });

  test('a force push looks like any update (the old tip need not be an ancestor)', () => {
    const [u] = parsePushLines(`refs/heads/main ${B} refs/heads/main ${A}`);
    expect(sendsObjects(u)).toBe(true);
  });

  test('a ref already up to date sends nothing', () => {
    expect(sendsObjects(parsePushLines(`refs/heads/main ${A} refs/heads/main ${A}`)[0])).toBe(false);
  });

  test('tags, several refs in one push, a pushed HEAD, SHA-256 ids', () => {
    const input = [
      `refs/tags/v1.0 ${A} refs/tags/v1.0 ${ZERO}`,
      `HEAD ${B} refs/heads/release ${ZERO}`,
      `refs/heads/x ${sha('c', 64)} refs/heads/x ${sha('0', 64)}`,
    ].join('\n');
    const us = parsePushLines(input);
    expect(us.map((u) => u.remoteRef)).toEqual(['refs/tags/v1.0', 'refs/heads/release', 'refs/heads/x']);
    expect(us[2].localSha).toHaveLength(64);
  });

  test('blank lines, CR LF and extra spaces are tolerated; empty input is no update', () => {
    expect(parsePushLines('')).toEqual([]);
    expect(parsePushLines('\n\n  \n')).toEqual([]);
    const us = parsePushLines(`\r\n  refs/heads/a ${A}\trefs/heads/a  ${B}\r\n\n`);
    expect(us).toHaveLength(1);
    expect(us[0].remoteSha).toBe(B);
  });

  test.each([
    ['three fields', `refs/heads/a ${A} refs/heads/a`],
    ['five fields', `refs/heads/a ${A} refs/heads/a ${B} extra`],
    ['a short sha', `refs/heads/a ${A.slice(0, 12)} refs/heads/a ${B}`],
    ['an upper-case sha', `refs/heads/a ${A.toUpperCase()} refs/heads/a ${B}`],
    ['a 41-character sha', `refs/heads/a ${A}a refs/heads/a ${B}`],
    ['a ref name where the sha goes', `refs/heads/a refs/heads/b ${A} ${B}`],
    ['text that is no push line', 'hello'],
  ])('refuses %s (fails closed with the expected shape)', (_, line) => {
    expect(() => parsePushLines(`refs/heads/ok ${A} refs/heads/ok ${B}\n${line}\n`)).toThrow(UserError);
    expect(() => parsePushLines(line)).toThrow(/unexpected pre-push input line/);
  });
});

describe('frameworkPushLine', () => {
  test('the pre-commit framework range becomes one update line', () => {
    const line = frameworkPushLine({ PRE_COMMIT_TO_REF: A, PRE_COMMIT_FROM_REF: B, PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/main' });
    expect(parsePushLines(line)).toEqual([{ localRef: 'HEAD', localSha: A, remoteRef: 'refs/heads/main', remoteSha: B }]);
  });

  test('no FROM ref: a new branch; no TO ref: nothing', () => {
    expect(parsePushLines(frameworkPushLine({ PRE_COMMIT_TO_REF: A }))[0].remoteSha).toBe(ZERO);
    expect(frameworkPushLine({})).toBe('');
  });
});
