/**
 * Parses the output of `git cat-file --batch` as it streams: "<sha> <type> <size>\n<content>\n" per
 * object, or "<name> missing\n" for an object that cannot be read. Content goes to the reader the
 * caller returns for that object, chunk by chunk, so no object is ever held whole.
 */
export interface ObjectReader {
  push(b: Buffer): void;
  end(): void;
}

export interface BatchHandler {
  /** A reader for this object, or null to let it pass unread. */
  object(sha: string, type: string, size: number): ObjectReader | null;
  missing(name: string, why: string): void;
}

export class BatchParser {
  private header: Buffer[] = [];
  private remaining = -1; // bytes of content still to come; -1 while reading a header
  private trailing = false; // the LF after the content
  private reader: ObjectReader | null = null;

  constructor(private readonly handler: BatchHandler) {}

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.trailing) {
        this.trailing = false;
        i++; // the LF git writes after each object's content
        continue;
      }
      if (this.remaining === -1) {
        const nl = chunk.indexOf(10, i);
        if (nl === -1) {
          this.header.push(chunk.subarray(i));
          return;
        }
        this.header.push(chunk.subarray(i, nl));
        this.startObject(Buffer.concat(this.header).toString('utf8'));
        this.header = [];
        i = nl + 1;
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - i);
      if (take > 0) this.reader?.push(chunk.subarray(i, i + take));
      this.remaining -= take;
      i += take;
      if (this.remaining === 0) this.finishObject();
    }
  }

  private startObject(line: string): void {
    const parts = line.split(' ');
    if (parts.length !== 3 || !/^\d+$/.test(parts[2])) {
      this.handler.missing(parts[0], parts.slice(1).join(' ') || 'unreadable');
      return;
    }
    this.reader = this.handler.object(parts[0], parts[1], Number(parts[2]));
    this.remaining = Number(parts[2]);
    if (this.remaining === 0) this.finishObject();
  }

  private finishObject(): void {
    this.reader?.end();
    this.reader = null;
    this.remaining = -1;
    this.trailing = true;
  }
}
