/**
 * Credentials in URLs (`scheme://user:password@host`). People set ordinary words and digits as
 * passwords, so there is no entropy bar; what is rejected is what reads as a template or a
 * documentation example: USER:PASSWORD, ${VAR}, <password>, {{ }}, well-known defaults, foo:bar,
 * and example hosts.
 */
import { isPlaceholder, looksLikeIdentifier } from './placeholders';
import { wordList } from './secret-values';

/** Passwords that are documentation or local-default values, not secrets (compared lower-cased). */
const DEFAULT_PASSWORDS = new Set([
  'password',
  'passwd',
  'passw0rd',
  'pass',
  'pwd',
  'pw',
  'secret',
  'root',
  'admin',
  'administrator',
  'postgres',
  'mysql',
  'user',
  'username',
  'test',
  'testing',
  'example',
  'changeme',
  'change_me',
  'changeit',
  'guest',
  'redis',
  'mongo',
  'sa',
  'xxx',
  'foo',
  'bar',
  'baz',
  'qux',
  'abc',
  'xyz',
  'demo',
  'default',
  'dev',
  'development',
  'local',
  'letmein',
  'mypassword',
  'my_password',
  'mypass',
  'yourpassword',
  'your_password',
  'pass123',
  'password1',
  'password123',
  'secret123',
  'admin123',
  'root123',
  'rabbitmq',
  'amqp',
  'ftp',
  'anonymous',
  'token',
  'apikey',
  'api_key',
  'key',
  'null',
  'none',
  'undefined',
  'true',
  'false',
  'dbpass',
  'db_password',
  'dbpassword',
  'pgpass',
  'passphrase',
  'secretpassword',
  'supersecret',
  'topsecret',
  's3cr3t',
  'abc123',
  'abcd1234',
  'qwerty',
  'qwerty123',
  '123456',
  '12345678',
  '1234',
  '12345',
  'p@ssw0rd',
  'p@ssword',
]);
const PLACEHOLDER_HOSTS =
  /^(?:(?:[\w-]+\.)*acme(?:corp)?\.(?:com|org|net)|(?:[\w-]+\.)*example(?:\.(?:com|org|net|io))?|(?:[\w.-]+\.)?(?:invalid|example|localdomain)|host|hostname|server|domain|your[-_.]?\w*|my[-_]?(?:host|server|domain)\w*|(?:[\w-]+\.)*domain\.(?:com|tld)|[\w-]+\.tld)(?::\d+)?$/i;
const TEMPLATE = /[{}$<>\\[\]]|%(?![0-9A-Fa-f]{2})|^\*+$|^x+$/i;

export interface UrlParts {
  scheme: string;
  user: string;
  password: string;
  host: string;
}

/** Finds the URL around the password `secret` on `line` and splits it. */
export function urlAround(line: string, secret: string): UrlParts | null {
  const re = /([A-Za-z][A-Za-z0-9+.-]{1,24}):\/\/([^\s:@/'"`]{0,128}):([^\s@/'"`]+)@([^\s/'"`?#<>]+)/g;
  for (let m; (m = re.exec(line));) if (m[3] === secret) return { scheme: m[1], user: m[2], password: m[3], host: m[4] };
  return null;
}

/** True when the password in a URL on `line` looks like a real credential. */
export function urlCredentialIsReal(line: string, secret: string): boolean {
  const u = urlAround(line, secret);
  if (!u) return true; // the rule's own match is authoritative; nothing more to judge
  let pw = u.password;
  try {
    pw = decodeURIComponent(pw);
  } catch {
    /* not percent-encoded */
  }
  if (
    pw
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .every((w) => DEFAULT_PASSWORDS.has(w.toLowerCase()))
  )
    return false; // pass%20pass
  const low = pw.toLowerCase();
  if (pw.length < 3 || TEMPLATE.test(pw) || DEFAULT_PASSWORDS.has(low) || /^(?:pass(?:word)?|pwd|secret|test)[-_]?\d{1,4}$/i.test(pw))
    return false;
  if (u.user && (low === u.user.toLowerCase() || TEMPLATE.test(u.user))) return false; // admin:admin, ${USER}:x
  if (/^(?:user(?:name)?|login|usr|name|id|x|xxx)$/i.test(u.user) && /^(?:pass\w*|pwd|secret|x+|[*]+)$/i.test(pw)) return false;
  if (isPlaceholder(pw) || wordList(pw) || (!/\d/.test(pw) && looksLikeIdentifier(pw)) || /^[A-Z][A-Z0-9_]*$/.test(pw)) return false;
  // People's passwords are words and digits: one or two plain words (MySecret, whalehello) are a demo value.
  if (/^(?:[A-Z]?[a-z]{2,}){1,3}$/.test(pw) && (pw.match(/[A-Z]?[a-z]+/g) ?? []).every((w) => /[aeiouy]/i.test(w))) return false;
  if (/^\d{1,5}$/.test(pw) && /[.]/.test(u.user)) return false; // host:port@ in a malformed URL
  if (PLACEHOLDER_HOSTS.test(u.host.replace(/^\[|\]$/g, ''))) return false;
  return true;
}
