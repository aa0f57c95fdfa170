/** Reads a few small objects whole (tag objects, say) with one `git cat-file --batch`, ids on stdin. */
import type { Git } from '../../git';
import { BatchParser } from './batch-parser';

export interface GitObject {
  sha: string;
  type: string;
  body: Buffer;
}

/** One entry per id asked for, in order; null where git could not read the object. */
export async function readObjects(git: Git, ids: string[]): Promise<Array<GitObject | null>> {
  const out: Array<GitObject | null> = [];
  if (!ids.length) return out;
  const parser = new BatchParser({
    object: (sha, type) => {
      const parts: Buffer[] = [];
      return { push: (b) => parts.push(Buffer.from(b)), end: () => out.push({ sha, type, body: Buffer.concat(parts) }) };
    },
    missing: () => out.push(null),
  });
  await git.stream(['cat-file', '--batch'], (d) => parser.feed(d), ids.join('\n') + '\n');
  return out;
}

/** Object types by id (`git cat-file --batch-check`); null where the object is missing. */
export async function objectTypes(git: Git, ids: string[]): Promise<Array<string | null>> {
  if (!ids.length) return [];
  const out = await git.run(['cat-file', '--batch-check=%(objecttype)'], ids.join('\n') + '\n');
  return out
    .split('\n')
    .slice(0, ids.length)
    .map((l) => (/^(commit|tree|blob|tag)$/.test(l) ? l : null));
}
