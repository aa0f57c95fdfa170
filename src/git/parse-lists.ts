/** Parsers for git's list outputs: one item a line or a NUL, `ls-tree -z`, `ls-remote`, `cat-file --batch-check`. */

const OBJECT_ID = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const TYPES = new Set(['commit', 'tree', 'blob', 'tag']);

/** Non-empty lines (a trailing CR is kept: git's own lists have none). */
export const lines = (out: string): string[] => out.split('\n').filter(Boolean);

/** Non-empty items of a NUL-separated list (`-z`): names byte for byte, never quoted. */
export const nulItems = (out: string): string[] => out.split('\0').filter(Boolean);

export interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  path: string;
}

/** `git ls-tree -z`: "<mode> SP <type> SP <sha> TAB <path>" NUL. */
export function parseLsTree(out: string): TreeEntry[] {
  return nulItems(out).flatMap((rec) => {
    const tab = rec.indexOf('\t');
    const [mode, type, sha] = rec.slice(0, tab).split(' ');
    return tab === -1 || !sha ? [] : [{ mode, type, sha, path: rec.slice(tab + 1) }];
  });
}

/** `git ls-remote`: the distinct object ids of "<sha> TAB <ref>" lines. */
export function parseLsRemote(out: string): string[] {
  return [...new Set(lines(out).map((l) => l.split('\t')[0]))].filter((s) => OBJECT_ID.test(s));
}

/** `git cat-file --batch-check=%(objecttype)`: one type per id asked for, null where it is missing. */
export function parseObjectTypes(out: string, count: number): Array<string | null> {
  const types = out.split('\n');
  return Array.from({ length: count }, (_, i) => (TYPES.has(types[i]) ? types[i] : null));
}

/** Full object ids, one a line (`rev-list`, `for-each-ref --format=%(objectname)`). */
export const objectIds = (out: string): string[] => lines(out).filter((l) => OBJECT_ID.test(l));
