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
