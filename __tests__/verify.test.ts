/** --verify against a local fake provider on loopback: live, revoked, unknown, and a server that hangs. */
import http from 'node:http';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { CLI, newRepo, write } from './support/cli';
import { fakeKey } from './support/keys';
import { overrides } from '../src/verify';

const live = fakeKey('openai', 'live');
const revoked = fakeKey('openai', 'revoked');
const limited = fakeKey('openai', 'limited');
const hangs = fakeKey('anthropic', 'hangs');
const seen: Array<{ path: string; auth: string }> = [];
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const auth = String(req.headers.authorization ?? req.headers['x-api-key'] ?? '');
    seen.push({ path: req.url ?? '', auth });
    if (auth.includes(hangs)) return; // never answers
    const status = auth.includes(live) ? 200 : auth.includes(revoked) ? 401 : auth.includes(limited) ? 429 : 400;
    res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } }, (err, stdout) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code: number }).code) : 0, stdout });
    });
  });
}

test('labels live, revoked and unknown; a hanging server times out (the scan ends, the key is unknown)', async () => {
  const r = newRepo();
  write(r, 'k.env', [`A="${live}"`, `B="${revoked}"`, `C="${limited}"`, `D="${hangs}"`].join('\n') + '\n');
  const res = await run(['scan', '.', '--verify', '--format', 'json'], r, {
    LEAKGUARD_VERIFY_ENDPOINTS: `openai=${base},anthropic=${base}`,
  });
  expect(res.code).toBe(1);
  const byLine = Object.fromEntries(JSON.parse(res.stdout).findings.map((f: { line: number; liveness: string }) => [f.line, f.liveness]));
  expect(byLine).toEqual({ 1: 'live', 2: 'revoked', 3: 'unknown', 4: 'unknown' });
  // Each key went to its provider's path, with its own provider's auth header, once.
  expect(seen.filter((s) => s.path === '/v1/models')).toHaveLength(4);
  expect(seen.find((s) => s.auth.includes(live))?.auth).toBe(`Bearer ${live}`);
  expect(seen.find((s) => s.auth.includes(hangs))?.auth).toBe(hangs);
});

test('without --verify nothing is sent', async () => {
  const before = seen.length;
  const r = newRepo();
  write(r, 'k.env', `A="${live}"\n`);
  await run(['scan', '.', '--format', 'json'], r, { LEAKGUARD_VERIFY_ENDPOINTS: `openai=${base}` });
  expect(seen.length).toBe(before);
});

test('only loopback addresses may replace a provider endpoint', () => {
  process.env.LEAKGUARD_VERIFY_ENDPOINTS = 'openai=http://10.0.0.5:80,anthropic=https://evil.example,cohere=http://127.0.0.1:9';
  expect([...overrides().entries()]).toEqual([['cohere', 'http://127.0.0.1:9']]);
  delete process.env.LEAKGUARD_VERIFY_ENDPOINTS;
});
