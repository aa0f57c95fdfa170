/**
 * Offline checksums of self-validating token formats: a token whose checksum fails was typed or
 * made up, not issued, and is not reported.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
let table: Uint32Array | undefined;

export function crc32(s: string): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of Buffer.from(s, 'utf8')) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function base62(n: number, width: number): string {
  let out = '';
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/** GitHub and npm tokens: prefix_ + random body + 6 base62 chars of the body's CRC32. */
function githubCrc32(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length < 7) return false;
  return base62(crc32(body.slice(0, -6)), 6) === body.slice(-6);
}

/** Cloudflare- and Grafana-style tokens: body + 8 lower-case hex chars of the body's CRC32. */
function crc32Hex8(token: string): boolean {
  const m = /^(.*?)([0-9a-f]{8})$/.exec(token.slice(token.indexOf('_') + 1));
  if (!m) return false;
  return crc32(m[1].replace(/_$/, '')).toString(16).padStart(8, '0') === m[2];
}

/** The validators a rule names in `checksum:`; rule validation accepts exactly these names. */
export const CHECKSUMS: Record<string, (token: string) => boolean> = {
  'github-crc32': githubCrc32,
  'crc32-hex8': crc32Hex8,
};

export const CHECKSUM_NAMES = Object.keys(CHECKSUMS);
