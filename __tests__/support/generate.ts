/**
 * Expands the example templates of rules/*.yaml into lines holding fake keys, at test time, so no
 * key-shaped string is ever committed. Syntax: {charset:N} for N random characters of a charset,
 * {x:N} for N copies of "x", {uuid}, {nz} (one digit 1-9), and {gh:PREFIX} / {crc8:PREFIX} for tokens
 * with a valid GitHub-style or CRC32-hex checksum.
 */
import { base62, crc32 } from '../../src/engine/checksums';
import { Rng } from './rng';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
export const CHARSETS: Record<string, string> = {
  alnum: UPPER + LOWER + DIGITS,
  b64url: UPPER + LOWER + DIGITS + '-_',
  b64: UPPER + LOWER + DIGITS + '+/',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  digits: DIGITS,
  lower: LOWER,
  upper: UPPER,
  loweralnum: LOWER + DIGITS,
  upperalnum: UPPER + DIGITS,
  letters: UPPER + LOWER,
  b32: UPPER + '234567',
  bech32: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
};

export function expand(template: string, seed: string): string {
  const r = new Rng(seed);
  return template.replace(/\{([a-zA-Z0-9]+)(?::([^}]*))?\}/g, (whole, name: string, arg?: string) => {
    if (name === 'x') return 'x'.repeat(Number(arg));
    if (name === 'uuid') return [8, 4, 4, 4, 12].map((n) => r.pick(CHARSETS.hex, n)).join('-');
    if (name === 'nz') return r.pick('123456789', 1);
    if (name === 'gh') {
      const body = r.pick(CHARSETS.alnum, 30);
      return `${arg}${body}${base62(crc32(body), 6)}`;
    }
    if (name === 'ghbad') {
      const body = r.pick(CHARSETS.alnum, 30);
      return `${arg}${body}${base62((crc32(body) + 1) >>> 0, 6)}`;
    }
    if (name === 'crc8') {
      const body = r.pick(CHARSETS.alnum, 40);
      return `${arg}${body}${crc32(body).toString(16).padStart(8, '0')}`;
    }
    const cs = CHARSETS[name];
    if (!cs || arg === undefined) return whole;
    return r.pick(cs, Number(arg));
  });
}
