/**
 * Which source a scan reads, from its options: the staged index, the commits a push sends, a range or
 * the whole history, files and folders, or standard input. Each source module loads only when chosen,
 * so a commit never pays for the history reader or the directory walker.
 */
import { UserError } from '../errors';
import type { Git } from '../git';
import type { Where } from '../report/result';
import type { Source } from '../sources/source';

export interface SourceOptions {
  where: Where;
  /** --range's argument. */
  range?: string;
  /** Files and folders (`scan PATH...`), or, for --pre-push, the remote's name and URL git passes to the hook. */
  paths: string[];
  stdinName?: string;
}

export interface SourceRepo {
  git: Git;
  root: string;
  inRepo: boolean;
  defaultSkips: boolean;
}

async function readAll(): Promise<string> {
  const { readStdin } = await import('../sources/stdin');
  return readStdin();
}

export function selectSource(o: SourceOptions, repo: SourceRepo): Source {
  const { git } = repo;
  switch (o.where) {
    case 'staged':
      return {
        fragments: async (emit, ctx) => (await import('../sources/staged')).stagedSource(git, emit, ctx.notices),
      };
    case 'pre-push':
      return {
        fragments: async (emit, ctx) => {
          const { pushSource, stdinIsPipe } = await import('../sources/push');
          // git runs the hook with the remote's name and the URL it pushes to.
          const target = { remote: o.paths[0] ?? 'origin', url: o.paths[1], fromPipe: stdinIsPipe() };
          return pushSource(git, await readAll(), target, emit, ctx.notices);
        },
      };
    case 'history':
    case 'range': {
      if (o.where === 'range' && (o.range!.startsWith('-') || !o.range!.trim()))
        throw new UserError(`--range takes a commit range like main..feature, not "${o.range}"`);
      const revs = o.where === 'history' ? ['--all'] : [o.range!];
      return {
        fragments: async (emit, ctx) => {
          const { historySource } = await import('../sources/history');
          const { progressBar, showsProgress } = await import('../report/progress');
          const p = progressBar(showsProgress() ? await git.countCommits(revs) : 0);
          try {
            return await historySource(git, revs, emit, { onCommit: p.tick, notices: ctx.notices, probe: ctx.probe });
          } finally {
            p.done();
          }
        },
      };
    }
    case 'stdin':
      return {
        fragments: async (emit) => (await import('../sources/stdin')).stdinSource(await readAll(), o.stdinName ?? '<stdin>', emit),
      };
    case 'files':
      return {
        fragments: async (emit, ctx) => {
          const { listScanFiles } = await import('../sources/files');
          const { scanFilesInParallel } = await import('../parallel/scan-files');
          const files = await listScanFiles(
            o.paths.length ? o.paths : ['.'],
            repo.inRepo ? git : null,
            repo.inRepo ? repo.root : null,
            repo.defaultSkips,
          );
          return scanFilesInParallel(files, ctx.rules(), ctx.ignored, emit, ctx.found, ctx.notices);
        },
      };
  }
}
