/**
 * What is staged: the index against HEAD (or the empty tree before the first commit), read from the index,
 * never the work tree, so `git add -p` is judged on what will be committed. One `git diff --cached` gives both
 * the raw records (exact paths and modes) and, when asked, the patch (`-U0`, full blob ids, fixed a/ b/
 * prefixes): the commit path starts no second process.
 */
import type { Git } from './index';
import { RawDiffSplitter, type RawEntry } from './parse-raw-diff';

/** Added, copied, modified, renamed or type-changed: everything whose new content is committed. */
const ARGS = [
  'diff',
  '--cached',
  '--raw',
  '-z',
  '--no-abbrev',
  '-M',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--diff-filter=ACMRT',
];
const PATCH = ['-p', '-U0', '--full-index', '--src-prefix=a/', '--dst-prefix=b/'];

export interface StagedOptions {
  /** Receives the patch as it streams. Without it, only the records are read. */
  onPatch?: (chunk: Buffer) => void;
  /** Files over this size come out as "Binary files differ" (git does not diff them), to be read from the blob. */
  bigFileThreshold?: number;
}

export async function stagedEntries(git: Git, opts: StagedOptions = {}): Promise<RawEntry[]> {
  const splitter = new RawDiffSplitter(opts.onPatch);
  const config = opts.bigFileThreshold ? [`core.bigFileThreshold=${opts.bigFileThreshold}`] : [];
  await git.stream([...ARGS, ...(opts.onPatch ? PATCH : [])], (d) => splitter.feed(d), '', config);
  return splitter.end();
}
