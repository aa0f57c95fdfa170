/**
 * Test fixtures: files under tests/, fixtures/, testdata/ and the like, or named *.test.* / *_test.* /
 * test_*, and Helm chart-testing values (ci/*values*.yaml). Private keys and prefix-less values found there are almost always generated for the test
 * (a self-signed server.key, a password for a throwaway container), so rules may report them at a
 * lower severity (`fixtureSeverity`); they are still reported. Provider-prefixed keys keep theirs.
 */
const FIXTURE_DIR = /(?:^|\/)(?:tests?|testdata|test[-_]data|fixtures?|__tests__|__fixtures__|__mocks__|spec|specs|testing|mocks?)\//i;
const FIXTURE_NAME = /(?:^|\/)(?:test_[^/]*|[^/]*[._-](?:test|tests|spec)\.[A-Za-z0-9]+)$|(?:^|\/)ci\/[^/]*values[^/]*\.ya?ml$/i;

export function isFixturePath(file: string): boolean {
  const p = file.replace(/\\/g, '/');
  return FIXTURE_DIR.test(p) || FIXTURE_NAME.test(p);
}
