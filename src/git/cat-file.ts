/** Objects read by id with `git cat-file --batch` / `--batch-check`: the ids go on stdin, never on a command line. */
import type { Git } from './index';
import { BatchParser, type BatchHandler } from './batch-parser';
import { parseObjectTypes } from './parse-lists';

export type { BatchHandler, ObjectReader } from './batch-parser';

export interface GitObject {
  sha: string;
  type: string;
  body: Buffer;
}

/** Streams each object of `ids` to the reader `handler` gives for it (or reports it missing), in order. */
export async function catFileBatch(git: Git, ids: string[], handler: BatchHandler): Promise<void> {
  if (!ids.length) return;
  const parser = new BatchParser(handler);
  await git.stream(['cat-file', '--batch'], (d) => parser.feed(d), ids.join('\n') + '\n');
}

/** A few small objects read whole (tag objects, say): one entry per id, null where git could not read it. */
export async function readObjects(git: Git, ids: string[]): Promise<Array<GitObject | null>> {
  const out: Array<GitObject | null> = [];
  await catFileBatch(git, ids, {
    object: (sha, type) => {
      const parts: Buffer[] = [];
      return { push: (b) => parts.push(Buffer.from(b)), end: () => out.push({ sha, type, body: Buffer.concat(parts) }) };
    },
    missing: () => out.push(null),
  });
  return out;
}

/** Object types by id; null where the object is missing. */
export async function objectTypes(git: Git, ids: string[]): Promise<Array<string | null>> {
  if (!ids.length) return [];
  return parseObjectTypes(await git.run(['cat-file', '--batch-check=%(objecttype)'], ids.join('\n') + '\n'), ids.length);
}

/** A `git cat-file --batch` that takes ids as they are learned (see openCatFile). */
export interface CatFile {
  /** Asks for these objects; the handler sees them in the order asked. */
  request(ids: string[]): void;
  /** No more ids: resolves once every object asked for has been handed on. */
  close(): Promise<void>;
  /** Settles when git exits, whatever the reason: rejects with git's error. */
  exited: Promise<void>;
}

/**
 * One `git cat-file --batch` for a stream of ids (a history audit asks for each blob as the walk meets it).
 * `--buffer`: git writes its output in large blocks instead of flushing after every object.
 */
export function openCatFile(git: Git, handler: BatchHandler): CatFile {
  const parser = new BatchParser(handler);
  const pipe = git.pipe(['cat-file', '--batch', '--buffer'], (d) => parser.feed(d));
  return {
    request: (ids) => {
      if (ids.length) pipe.write(ids.join('\n') + '\n');
    },
    close: () => pipe.end(),
    exited: pipe.done,
  };
}
