/**
 * --verify sends a key only to the provider of the built-in rule that matched it: a config rule that
 * claims a provider, or reuses a built-in rule's id, never gets a key sent anywhere.
 */
import http from 'node:http';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { expand } from '../scripts/fixtures/generate';
import { CLI, newRepo, write } from './support/cli';
import { fakeKey } from './support/keys';

const seen: string[] = [];
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(String(req.headers.authorization ?? req.headers['x-api-key'] ?? ''));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, NO_COLOR: '1', LEAKGUARD_VERIFY_ENDPOINTS: `openai=${base},github=${base},anthropic=${base}` };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env }, (err, stdout) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout }),
    );
  });
}

const GH_PATTERN = '(ghp_[A-Za-z0-9]{36})';

test.each<[string, { id: string; provider: string; off?: boolean }]>([
  ['claims a provider', { id: 'my-openai', provider: 'OpenAI' }],
  ['reuses a built-in rule id', { id: 'openai-project-key', provider: 'OpenAI' }],
  ['reuses the id, with built-in rules off', { id: 'openai-project-key', provider: 'OpenAI', off: true }],
])('a config rule that %s never sends the key', async (_name, c) => {
  const repo = newRepo();
  const token = expand('{gh:ghp_}', `verify:${c.id}`);
  write(
    repo,
    '.leakguard.json',
    JSON.stringify({
      ...(c.off ? { builtinRules: false } : { disableProviders: ['GitHub'] }),
      rules: [{ id: c.id, title: 'Mine', severity: 'high', keywords: ['ghp_'], pattern: GH_PATTERN, provider: c.provider }],
    }),
  );
  write(repo, 'a.js', `const t = "${token}";\n`);
  const before = seen.length;
  const r = await run(['scan', 'a.js', '--verify', '--format', 'json'], repo);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).findings.map((f: { liveness?: string }) => f.liveness)).toEqual(['unknown']);
  expect(seen.slice(before).filter((a) => a.includes(token))).toEqual([]);
});

test('a built-in rule still verifies, against its own provider', async () => {
  const repo = newRepo();
  const key = fakeKey('openai', 'scope');
  write(repo, 'k.env', `OPENAI_API_KEY="${key}"\n`);
  const before = seen.length;
  const r = await run(['scan', 'k.env', '--verify', '--format', 'json'], repo);
  expect(JSON.parse(r.stdout).findings.map((f: { liveness?: string }) => f.liveness)).toEqual(['live']);
  expect(seen.slice(before)).toEqual([`Bearer ${key}`]);
});
