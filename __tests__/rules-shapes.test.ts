/**
 * Keys in the shapes people leak them, and look-alikes that must stay quiet, checked through the
 * engine with keys made at test time (node:crypto PEMs, random bodies). Complements the per-rule
 * examples in rules/*.yaml with cases that need whole files, paths or several lines.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { readProviderFiles, compile } from '../scripts/compile-rules';
import { Engine } from '../src/engine/scan';
import type { Finding } from '../src/engine/finding';
import { expand } from '../scripts/fixtures/generate';
import { urlCredentialIsReal } from '../src/engine/url-credentials';
import { isPlaceholder, looksLikeIdentifier } from '../src/engine/placeholders';
import { isFixturePath } from '../src/engine/fixture-paths';
import { ROOT } from './support/cli';

const engine = new Engine(compile(readProviderFiles(path.join(ROOT, 'rules'))).rules.rules);
function scan(text: string, file = 'app/config.txt'): Finding[] {
  const out: Finding[] = [];
  const lines = text.split('\n');
  engine.scan({ file, lines, lineNumbers: lines.map((_, i) => i + 1) }, (f) => out.push(f));
  return out;
}
const ids = (text: string, file?: string) => scan(text, file).map((f) => f.ruleId);
const rsa = () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

describe('PEM private keys', () => {
  const key = rsa();
  test('a one-line PEM with \\n escapes is found', () => {
    expect(ids(`KEY="${key.trimEnd().split('\n').join('\\n')}\\n"`)).toContain('private-key-inline');
  });
  test('base64 of a PEM (a Kubernetes Secret) is found, saying how it was encoded', () => {
    const f = scan(`  tls.key: ${Buffer.from(key).toString('base64')}`);
    expect(f.map((x) => x.ruleId)).toContain('private-key-inline');
    expect(f[0].encoding).toBe('base64');
  });
  test('a body pasted without its header is found; a certificate body is not', () => {
    expect(ids(key.split('\n').slice(1, -2).join('\n'))).toContain('private-key-body');
    const cert = `MIIDdzCCAl+gAwIBAgIJA${expand('{b64:43}', 'c1')}\n${expand('{b64:64}\n{b64:64}\n{b64:64}', 'c2')}`;
    expect(ids(cert)).toEqual([]);
  });
  test('a documentation block cut with "..." is quiet, the same block whole is not', () => {
    const lines = key.trimEnd().split('\n');
    expect(ids([lines[0], lines[1], '...', lines[lines.length - 1]].join('\n'))).toEqual([]);
    expect(ids(key)).toContain('private-key');
  });
  test('a key in a test fixture is reported at low severity', () => {
    expect(scan(key, 'tests/certs/server.key')[0].severity).toBe('low');
    expect(scan(key, 'deploy/server.key')[0].severity).toBe('critical');
  });
  test('a .p12/.pfx key store is found by its type', () => {
    const out: Finding[] = [];
    engine.scan({ file: 'certs/client.pfx', lines: [], lineNumbers: [] }, (f) => out.push(f));
    expect(out.map((f) => f.ruleId)).toEqual(['pkcs12-key-store']);
  });
});

describe('public by design', () => {
  test('a Firebase web config key is low; the same key as a server variable is not', () => {
    const key = expand('AIzaSy{b64url:33}', 'fb');
    const web = scan(`const firebaseConfig = {\n  apiKey: "${key}",\n  authDomain: "shop.firebaseapp.com",\n};`);
    expect(web.map((f) => [f.ruleId, f.severity])).toEqual([['firebase-web-api-key', 'low']]);
    expect(scan(`GEMINI_API_KEY=${key}`)[0].severity).not.toBe('low');
  });
  test("a provider's published test key is low", () => {
    const published = ['sk', 'test', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
    expect(scan(`stripe.api_key = "${published}"`).map((f) => f.severity)).toEqual(['low']);
  });
});

describe('credentials in URLs', () => {
  const pw = expand('{alnum:6}{digits:3}{alnum:6}', 'pw');
  test.each([
    [`https://deploy:${pw}@git.corp.net/app.git`, true],
    [`redis://:${pw}@cache:6379`, true],
    [`ftp://backup:${pw}@ftp.partner.net/in`, true],
    ['https://USER:PASSWORD@localhost/x', false],
    ['http://user:pass%20pass@host.com/', false],
    ['https://admin:admin@registry.corp/', false],
    [`https://svc:${pw}@api.example.com/`, false],
    ['mysql://root:whalehello@db:3306/app', false],
  ])('%s -> %s', (url, real) => {
    const secret = /:([^:@/]+)@/.exec(url.slice(url.indexOf('//') + 2))![1];
    expect(urlCredentialIsReal(url, secret)).toBe(real);
  });
});

describe('placeholders and identifiers', () => {
  test('CamelCase words are identifiers; random letters are not', () => {
    expect(looksLikeIdentifier('EmbedByTypeResponseEmbeddingsFloatValues')).toBe(true);
    expect(looksLikeIdentifier('integrationsDatadogApiKeyTooltip')).toBe(true);
    expect(looksLikeIdentifier(expand('{letters:40}', 'id'))).toBe(false);
    expect(looksLikeIdentifier('EmbedByTypeResponseV2EmbeddingsFloatVals')).toBe(true);
    expect(looksLikeIdentifier('Winter2025Blue')).toBe(false);
  });
  test('a structured key with a tidy body is a key; abc123 progressions are placeholders elsewhere', () => {
    const tidy = 'abc123xyz-456def789ghij-klmnopqrstuvwx';
    expect(isPlaceholder(tidy, true)).toBe(false);
    expect(isPlaceholder(tidy)).toBe(true);
    expect(isPlaceholder('xxxxxxxxxxxxxxxx', true)).toBe(true);
  });
  test('test fixture paths', () => {
    expect(['tests/a.key', 'src/__fixtures__/k.pem', 'pkg/x_test.go', 'charts/x/ci/test-values.yaml'].every(isFixturePath)).toBe(true);
    expect(['src/app.ts', 'deploy/prod.env', 'contest/readme.md'].some(isFixturePath)).toBe(false);
  });
});

describe('values without a provider prefix', () => {
  test.each([
    ['    password: ' + expand('{alnum:8}{digits:2}{alnum:10}', 'a'), true],
    ['API_TOKEN=' + expand('{alnum:40}', 'b'), true],
    ['  credentials: ' + expand('{hex:40}', 'c'), true],
    ['  api_token: ' + expand('{uuid}', 'd'), true],
    ['  existingSecret: airflow-cluster1-mysql-password', false],
    ['# - Secret: airflow-cluster1-git-keys', false],
    ['  password: B0bP4ssw0rd', false],
    ['  htpasswd: user:$2y$10$' + expand('{b64:53}', 'e'), false],
    ['  secret: ' + Buffer.from('example-app-secret').toString('base64'), false],
    ['  request_id: ' + expand('{uuid}', 'f'), false],
  ])('%s -> %s', (line, found) => {
    expect(ids(line).length > 0).toBe(found);
  });
});
