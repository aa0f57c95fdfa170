/**
 * Compressed containers whose text no printable run shows: gzip (.gz, .tgz) and ZIP.
 *
 * The files inside a ZIP archive (Office documents, OpenDocument, .jar, notebooks exported as zip): a
 * key typed into a .docx or .xlsx is deflated inside it, so no printable run shows it. Reads the central
 * directory, inflates each entry with bounded output, and returns their bytes. Returns null when the
 * bytes are not a ZIP this reader can read whole (the caller then falls back to printable runs).
 */
import zlib from 'node:zlib';

/** Entries are inflated up to this size each, and this much in all, so a zip bomb stays harmless. */
const MAX_ENTRY = 64 * 1024 * 1024;
const MAX_TOTAL = 256 * 1024 * 1024;

export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}

function endOfDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

export function zipEntries(buf: Buffer): Array<{ name: string; data: Buffer }> | null {
  try {
    const eocd = endOfDirectory(buf);
    if (eocd === -1) return null;
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    const out: Array<{ name: string; data: Buffer }> = [];
    let total = 0;
    for (let n = 0; n < count && total < MAX_TOTAL; n++) {
      if (buf.readUInt32LE(p) !== 0x02014b50) return null;
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      p += 46 + skip;
      if (name.endsWith('/') || buf.readUInt32LE(local) !== 0x04034b50) continue;
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = buf.subarray(start, start + size);
      let data: Buffer;
      if (method === 0) data = raw;
      else if (method === 8) data = zlib.inflateRawSync(raw, { maxOutputLength: MAX_ENTRY });
      else continue; // other methods (rare): the printable runs of the archive still apply
      total += data.length;
      out.push({ name, data });
    }
    return out;
  } catch {
    return null;
  }
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8;
}

/** The bytes a gzip stream holds (up to MAX_TOTAL), or null if it is not one. */
export function gunzipped(buf: Buffer): Buffer | null {
  try {
    return zlib.gunzipSync(buf, { maxOutputLength: MAX_TOTAL });
  } catch {
    return null;
  }
}

/** The contents of a compressed container, each to be scanned as a blob; null when it cannot be opened. */
export function unpack(buf: Buffer): Buffer[] | null {
  if (isGzip(buf)) {
    const data = gunzipped(buf);
    return data ? [data] : null;
  }
  return zipEntries(buf)?.map((e) => e.data) ?? null;
}
