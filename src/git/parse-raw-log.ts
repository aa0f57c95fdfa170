/**
 * What each commit changed, without the content: `git log --raw -z` of a set of commits, parsed as it
 * streams. One record per path a commit changed: its new blob id and mode and how it changed. A merge is
 * shown as git shows its combined diff (`--cc`): only the paths whose result differs from every parent,
 * which is where a merge can have written something new. Renames are not looked for (a rename is a new
 * path with its content), as in the patch reader.
 */
import type { Git } from './index';

export interface PathChange {
  path: string;
  /** The blob (or, mode 160000, the submodule commit) the path holds after the commit; all zeros: deleted. */
  newOid: string;
  newMode: string;
  /** A letter per parent: A added, M modified, D deleted, T type changed. */
  status: string;
}

export interface RawLogHandler {
  commit(sha: string): void;
  entry(e: PathChange): void;
  /** Asked after each block of output: a promise holds git back until the caller has caught up. */
  wait(): Promise<void> | undefined;
}

const COMMIT = 1; // the %x01 that starts each commit's line (see RAW_LOG_ARGS)
export const RAW_LOG_ARGS = ['log', '--raw', '-z', '--no-abbrev', '--cc', '--root', '--no-renames', '--no-notes', '--format=%x01%H'];

export class RawLogParser {
  private rest: Buffer | null = null;
  /** The header of a record whose path is the next token. */
  private header: string | null = null;

  constructor(private readonly handler: Pick<RawLogHandler, 'commit' | 'entry'>) {}

  feed(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let nul = buf.indexOf(0); nul !== -1; nul = buf.indexOf(0, start)) {
      this.token(buf, start, nul);
      start = nul + 1;
    }
    this.rest = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
  }

  end(): void {
    if (this.rest) this.token(this.rest, 0, this.rest.length);
    this.rest = null;
  }

  private token(buf: Buffer, from: number, to: number): void {
    if (this.header !== null) {
      const header = this.header;
      this.header = null;
      return this.record(header, buf.toString('utf8', from, to));
    }
    while (from < to && buf[from] === 10) from++;
    if (from === to) return;
    if (buf[from] === COMMIT) return this.handler.commit(buf.toString('latin1', from + 1, to));
    if (buf[from] === 58 /* : */) this.header = buf.toString('latin1', from, to);
  }

  /** ":<modes> <ids> <status>", one colon, mode and id per parent, then the result's mode and id. */
  private record(header: string, path: string): void {
    let parents = 0;
    while (header.charCodeAt(parents) === 58) parents++;
    const fields = header.slice(parents).split(' ');
    const n = parents + 1;
    this.handler.entry({ path, newMode: fields[n - 1], newOid: fields[2 * n - 1], status: fields[2 * n] ?? '' });
  }
}

/** Streams the raw records of `revs` (rev-list arguments; `input`: more of them on stdin) to `handler`, in git log's order. */
export async function streamRawLog(git: Git, revs: string[], handler: RawLogHandler, input = ''): Promise<void> {
  const parser = new RawLogParser(handler);
  const onData = (d: Buffer) => {
    parser.feed(d);
    return handler.wait();
  };
  await git.stream([...RAW_LOG_ARGS, ...revs, ...(input ? ['--stdin'] : []), '--'], onData, input);
  parser.end();
}
