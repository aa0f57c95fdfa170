/**
 * Values assigned to secret-looking names without a provider prefix: unquoted values in .env, YAML,
 * INI and shell files, and hex or UUID-shaped secrets. The name must end in a secret word; the value
 * must read as generated (letters and digits mixed, enough entropy for its length) and not as code,
 * a path, a template, a word list or an identifier.
 */
import { shannonEntropy } from './entropy';
import { isPlaceholder, looksLikeIdentifier } from './placeholders';
import { builtinRules } from '../rules/load';

let prefixes: string[] | undefined;
/**
 * Token prefixes of the built-in provider rules (pcsk_, sk-proj-, xoxb-...): a value that starts with one
 * is that provider's to judge. When its rule is disabled or raised its entropy floor, the catch-all rules
 * must not report it in its place. Checksummed formats are left out: a made-up token that fails its checksum
 * may still be reported as a high-entropy value.
 */
function providerPrefixes(): string[] {
  if (!prefixes) {
    try {
      prefixes = [
        ...new Set(
          builtinRules()
            .filter((r) => !r.generic && !r.checksum)
            .flatMap((r) => r.keywords)
            .filter((k) => k.length >= 3 && /[_.-]$/.test(k) && /^[A-Za-z]/.test(k)),
        ),
      ];
    } catch {
      prefixes = [];
    }
  }
  return prefixes;
}

/** Names that are secret-like but hold public or bookkeeping values. */
const NOT_SECRET_NAME =
  /public|publishable|existing|(?:password|passwd|tls|ssl|cert|certificate|keys?|token|credentials?|admin|user|db|database|basic[_-]?auth)[_-]?secret$|(?:^|[_.-])ids?$|hash|digest|checksum|fingerprint|nonce|salt|csrf|xsrf|(?:page|next|sync|continuation|resume|cursor)[_-]?token|example|sample|dummy|fake|mock|placeholder|^(?:max|min)[_-]?token|tokens?[_-]?(?:count|limit|len)/i;

/** The name a value is assigned to on `line` (the identifier just before `=`, `:`, `=>` or `,`). */
export function assignedName(line: string, secret: string): string | null {
  const at = line.indexOf(secret);
  if (at < 0) return null;
  const m = /([A-Za-z_$][\w.$-]*)["'\]]?\s*(?::=|=>|=|:|,)\s*["'`]?$/.exec(line.slice(Math.max(0, at - 120), at));
  return m ? m[1] : null;
}

function nameOk(line: string, secret: string): boolean {
  const name = assignedName(line, secret);
  return !name || !NOT_SECRET_NAME.test(name);
}

/** A minimum entropy that grows with length: a 12-character password cannot reach what a 40-character token does. */
function randomEnough(v: string): boolean {
  const h = shannonEntropy(v);
  if (v.length < 16) return h >= 3.0;
  if (v.length < 24) return h >= 3.4;
  return h >= 3.7;
}

/** A line that is a comment: commented-out examples in docs and values files name placeholders far more often than keys. */
export const COMMENT_LINE = /^\s*(?:#|\/\/|\*|--|;|<!--|rem\s)/i;

/** Password hashes (bcrypt, crypt, argon2, htpasswd): a stored hash, not the secret itself. */
const PASSWORD_HASH = /\$(?:2[abxy]?|1|5|6|apr1|argon2\w*|scrypt|pbkdf2[\w-]*)\$/;

/** Values that are code or configuration syntax, not data. */
function looksLikeCode(v: string): boolean {
  if (/^[!&*@$%~]|^\.{0,2}\//.test(v)) return true; // YAML tags/anchors, variables, paths
  if (/[[\]{}]/.test(v) || PASSWORD_HASH.test(v)) return true; // indexing, templates
  if (/:\/\/|::|->|\(\)|\$\{|\{\{/.test(v)) return true;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*\))?;?$/.test(v)) return true; // a.b.c, a.b(c)
  if (/^[A-Za-z_$][\w$.]*\(.*\)[;,]?$/.test(v)) return true; // call(...)
  return false;
}

/** One part of a name: a word (with a version number or a one-letter suffix), a short abbreviation, or a small number. */
function namePart(t: string): boolean {
  if (/^\d{1,4}$/.test(t) || /^[A-Za-z]{1,4}\d{0,3}$/.test(t)) return true;
  const w = t.replace(/\d{1,3}$/, '');
  return /^[A-Z]?[a-z]+$|^[A-Z]+$/.test(w) && /[aeiouy]/i.test(w);
}

/** Separator-joined words and small numbers (MY_SECRET_KEY_2, airflow-cluster1-git-keys) name things; they are not secrets. */
export function wordList(v: string): boolean {
  if (!/^[A-Za-z0-9]+(?:[_.-]+[A-Za-z0-9]+)+$/.test(v)) return false;
  return v.split(/[_.-]+/).every(namePart);
}

/** Base64 of readable text (a Kubernetes Secret's "password" or "example-app-secret"): judged by what it decodes to. */
function encodedWords(v: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) return false;
  const text = Buffer.from(v, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(text)) return false;
  return (
    text.length < 10 || wordList(text) || wordsAndNumber(text) || looksLikeIdentifier(text) || isPlaceholder(text) || /^[a-z]+$/i.test(text)
  );
}

/** Leet spelling (P4ssw0rd, B0b): read back as letters. */
const unLeet = (v: string) =>
  v.replace(/0/g, 'o').replace(/1/g, 'i').replace(/3/g, 'e').replace(/4|@/g, 'a').replace(/5|\$/g, 's').replace(/7/g, 't');

/** A person's password made of a few words and a number (Password123!, Summer2024, B0bP4ssw0rd): a default or a test value in a config. */
function wordsAndNumber(v: string): boolean {
  const plain = unLeet(v);
  if (plain !== v && /^[A-Za-z]+$/.test(plain) && wordsAndNumber(plain)) return true;
  const chunks = v
    .replace(/[^A-Za-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (!chunks.length || chunks.length > 3 || v.replace(/[A-Za-z]/g, '').length > 6) return false;
  const word = (w: string) => w.length >= 3 && /^[A-Z]?[a-z]+$|^[A-Z]+$/.test(w) && /[aeiouy]/i.test(w);
  return chunks.every(
    (c) =>
      word(c) ||
      ((c.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []).join('') === c && (c.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []).every(word)),
  );
}

/** A value with no provider prefix on a secret-named line, quoted or not. */
export function genericSecretIsReal(secret: string, line: string): boolean {
  if (COMMENT_LINE.test(line)) return false;
  if (/xxx|XXX/.test(secret) || providerPrefixes().some((p) => secret.startsWith(p))) return false;
  if (secret.length < 10 || !/\d/.test(secret) || !/[A-Za-z]/.test(secret)) return false;
  if (/^[0-9a-fA-F-]+$/.test(secret)) return false; // hex and UUIDs: the hex rule judges them, by stricter names
  if (
    looksLikeCode(secret) ||
    wordList(secret) ||
    wordsAndNumber(secret) ||
    looksLikeIdentifier(secret) ||
    isPlaceholder(secret) ||
    encodedWords(secret)
  )
    return false;
  if (!randomEnough(secret)) return false;
  return nameOk(line, secret);
}

/** A hex string or UUID assigned to a secret name. Git SHAs and digests live under other names. */
export function hexSecretIsReal(secret: string, line: string): boolean {
  if (COMMENT_LINE.test(line)) return false;
  const hex = secret.replace(/-/g, '');
  if (!(hex === hex.toLowerCase() || hex === hex.toUpperCase())) return false;
  if (/passw|pwd/i.test(assignedName(line, secret) ?? '')) return false; // a hex "password" in code is a stored hash far more often than a password
  if (isPlaceholder(secret) || shannonEntropy(hex) < 3.2) return false;
  if (/[@#]\s*$|sha\d*[:=-]\s*$|\b(?:commit|rev|revision|ref|sha)\b/i.test(line.slice(0, Math.max(0, line.indexOf(secret))))) return false;
  return nameOk(line, secret);
}
