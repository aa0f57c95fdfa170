/**
 * A PEM body without its header: the header and footer were already in the file, and only the key
 * material is added (or the header sits in another string). The first body line decodes to the start
 * of the key itself, which has a fixed structure: a DER SEQUENCE whose first element is the version
 * INTEGER 0 or 1 (PKCS#1 RSA, PKCS#8, SEC1 EC), or OpenSSH's "openssh-key-v1" magic. Certificates and
 * public keys start with a SEQUENCE inside the SEQUENCE instead, so they do not pass.
 */
import { bodyIsKey, bodyPart } from './pem';

/** Without a header the body alone is the evidence: ask for more of it than one line. */
const BODY_ONLY_MIN = 120;
const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0');

/** True when `b` begins like a private key: SEQUENCE, length, INTEGER version 0/1, then the key's next element. */
export function derStartsPrivateKey(b: Buffer): boolean {
  if (b.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC)) return true;
  if (b[0] !== 0x30) return false;
  let i = 1;
  if (b[i] === 0x81) i += 2;
  else if (b[i] === 0x82) i += 3;
  else if (b[i] < 0x80) i += 1;
  else return false;
  if (b[i] !== 0x02 || b[i + 1] !== 0x01 || (b[i + 2] !== 0x00 && b[i + 2] !== 0x01)) return false;
  const next = b[i + 3];
  // PKCS#1: INTEGER modulus; PKCS#8: SEQUENCE algorithm; SEC1 (version 1): OCTET STRING private key.
  return b[i + 2] === 0x00 ? next === 0x02 || next === 0x30 : next === 0x04;
}

export function derPrivateKeyBody(first: string, lines: string[], lineNumbers: number[], idx: number): boolean {
  if (idx > 0 && lineNumbers[idx - 1] === lineNumbers[idx] - 1 && /-----BEGIN /.test(lines[idx - 1])) return false; // the header rule judges it
  if (!derStartsPrivateKey(Buffer.from(first.slice(0, 64), 'base64'))) return false;
  const parts = [lines[idx]];
  for (let i = idx + 1; i < lines.length && i <= idx + 200; i++) {
    if (lineNumbers[i] !== lineNumbers[i - 1] + 1 || /-----END /.test(lines[i])) break;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(bodyPart(lines[i]))) break;
    parts.push(lines[i]);
  }
  return bodyIsKey(parts, BODY_ONLY_MIN);
}
