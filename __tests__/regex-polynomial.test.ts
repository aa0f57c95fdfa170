/**
 * Users' patterns with polynomial backtracking (`\d*\d*\d*x`, `.*.*=.*`, `\s*\s*$`) cannot hang the hook:
 * patterns V8's linear engine can run are bounded by its fallback; the others are refused when the
 * config is read (exit 2, naming the key).
 */
import { polynomialBacktracking } from '../src/config/regex-safety';
import { runsInLinearTime } from '../src/config/linear-regex';
import { git, leakguard, newRepo, write } from './support/cli';

const SLOW = ['\\d*\\d*x', '\\s*\\s*$', '.*.*=.*', '\\s+\\s*$', '.*a.*b', '(?:\\d*)\\d+x', '[a-z]+[a-z0-9]*!', '\\w{2,}\\w*$'];
const FAST = [
  'acme_[a-z0-9]{32}',
  '(?:key|token)\\s*[:=]\\s*"([^"]+)"',
  '\\s*=\\s*',
  '[A-Z]+_[0-9]+',
  '\\d{2}\\d*',
  'x\\d*y\\d*z',
  '[\\w.-]+@[\\w-]+(?:\\.[\\w-]+)+',
];

describe('polynomial backtracking check', () => {
  test.each(SLOW)('refuses %s', (p) => expect(polynomialBacktracking(p)).not.toBeNull());
  test.each(FAST)('accepts %s', (p) => expect(polynomialBacktracking(p)).toBeNull());
  test('the linear engine takes plain patterns, not look-arounds or the i flag', () => {
    expect(runsInLinearTime('\\d*\\d*\\d*x')).toBe(true);
    expect(runsInLinearTime('(?<=k)\\d*x')).toBe(false);
    expect(runsInLinearTime('\\d*x', 'i')).toBe(false);
  });
});

function scanWith(rule: Record<string, unknown>, line: string) {
  const r = newRepo();
  write(r, '.leakguard.json', JSON.stringify({ rules: [{ id: 'acme', title: 'Acme', severity: 'high', keywords: ['k'], ...rule }] }));
  write(r, 'data.txt', `${line}\n`);
  git(r, ['add', 'data.txt']);
  return leakguard(['scan', '--staged'], r);
}

test.each([
  ['\\d*\\d*\\d*\\d*x', `k${'1'.repeat(19000)}!`],
  ['k.*.*=.*', `k${'a'.repeat(19000)}`],
  ['k\\s*\\s*\\s*$', `k${' '.repeat(19000)}!`],
])('%s runs on a 19,000-character line and the hook finishes', (pattern, line) => {
  const res = scanWith({ pattern }, line);
  expect(res.code).toBe(0);
});

test.each([
  [{ pattern: 'k\\d*\\d*\\d*x', flags: 'i' }],
  [{ pattern: '(?<=k)\\d*\\d*\\d*x' }],
  [{ pattern: 'k=\\w{8}', followedBy: '(?=a)\\s*\\s*$' }],
])('%j, which the linear engine cannot run, is refused', (rule) => {
  const res = scanWith(rule, `k${'1'.repeat(50)}!`);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/polynomial time/);
});
