/**
 * Commit ids kept compactly (binary, 20 or 32 bytes each) for a second pass over a long history: a
 * million ids take about 20 MB this way, against 70 MB or more as strings.
 */
const CHUNK = 4096;

export class ShaList {
  private readonly chunks: Buffer[] = [];
  private width = 0;
  private count = 0;

  push(hex: string): void {
    this.width ||= hex.length / 2;
    const at = this.count % CHUNK;
    if (at === 0) this.chunks.push(Buffer.alloc(CHUNK * this.width));
    this.chunks[this.chunks.length - 1].write(hex, at * this.width, this.width, 'hex');
    this.count++;
  }

  get length(): number {
    return this.count;
  }

  /** The ids in order, `size` at a time, as hex strings. */
  *slices(size = CHUNK): Generator<string[]> {
    let out: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const chunk = this.chunks[Math.floor(i / CHUNK)];
      const at = (i % CHUNK) * this.width;
      out.push(chunk.toString('hex', at, at + this.width));
      if (out.length === size) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }
}
