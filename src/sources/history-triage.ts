/**
 * The first pass of a history audit: which commits hold anything at all, so that only those are read as
 * patches. One `git log --raw` walks the commits (what each changed: paths and blob ids, no content) while
 * one `git cat-file --batch` reads each new blob and each commit object once; git needs no diff for that,
 * and the two git processes and this one share the machine's cores. The verdicts are triage-judges.ts'.
 *
 * A commit is kept when one of its new blobs, its paths or its message could show anything in a patch: a
 * line a patch adds is a line of the new blob, so a commit left out has nothing a patch would show. The
 * patch pass (history.ts) then reads the kept commits exactly as a full audit reads every commit. Commits
 * an earlier audit judged clean under the same signature are not walked at all (history-cache.ts).
 */
import type { Git } from '../git';
import type { PathChange } from '../git/parse-raw-log';
import { SUBMODULE_MODE } from '../git/parse-raw-diff';
import type { ObjectReader } from '../git/cat-file';
import type { Probe } from './source';
import type { CommitInfo, Fragment, Notice } from './fragment';
import { unreadable } from './blob/read-blobs';
import { ShaList } from './sha-list';
import { TriageJudges } from './triage-judges';
import { commitsToJudge, rememberClean, type CleanCommits, type Remembered } from './history-cache';

export interface Triage {
  /** The commits to read as patches, in the walk's order. */
  commits: string[];
  /** What the commit-object pass of a full audit would report, only what holds something, in the walk's order. */
  later: Fragment[];
  commitsSeen: number;
  /** Commits an earlier audit judged clean under the same signature: not read this time. */
  commitsKnown: number;
  files: number;
  lines: number;
}

/** A blob up to this size is judged whole, on its bytes first; a bigger one is scanned as it streams. */
const HELD = 16 * 1024 * 1024;
/** Objects asked for and not yet read: above MAX_ASKED the walk waits until only RESUME are left. */
const MAX_ASKED = 20000;
const RESUME = 10000;
/**
 * A first audit looks at the first SAMPLE changes: when fewer than ADDED_SHARE of them add a file, the
 * history is mostly edits of existing files, whose whole blobs are many times the lines their patches add,
 * and the triage gives up for reading every patch (history.ts).
 */
const SAMPLE = 500;
const ADDED_SHARE = 0.25;
const GIVE_UP = new Error('mostly edits: read as patches');
/** Blob results remembered (a blob met again at the same path is not read twice): cleared when full. */
const REMEMBER = 1 << 16;

interface Asked {
  idx: number;
  sha: string;
  /** The path of a blob; undefined for the commit object itself. */
  path?: string;
  oid: string;
}

const isDeletion = (oid: string) => /^0+$/.test(oid);

export async function triageHistory(
  git: Git,
  revs: string[],
  probe: Probe,
  notices: Notice[],
  onCommit?: (c: CommitInfo) => void,
  remembered?: Remembered,
): Promise<Triage | null> {
  const judges = new TriageJudges(probe);
  const kept = new Map<number, string>();
  const judged = new ShaList();
  const dirty = new Set<string>();
  const later: Fragment[] = [];
  const asked: Asked[] = [];
  const clean = new Set<string>();
  const holding = new Set<string>();
  let cache: CleanCommits | undefined;
  let known = 0;
  let next = 0;
  let ids: string[] = [];
  let idx = -1;
  let sha = '';
  let files = 0;
  let added = 0;
  let resume: (() => void) | null = null;
  // Until the sample is judged (a first audit only), commits are ticked later: a walk given up is not counted.
  let ticks: string[] | null = [];

  const keep = (i: number, s: string): void => {
    kept.set(i, s);
  };
  const tick = (s: string) => (ticks ? ticks.push(s) : onCommit?.({ sha: s, author: '', date: '' }));
  /** After SAMPLE changes of a first audit: go on (true), or give up for reading every patch. */
  const goOn = (): boolean => {
    const pending = ticks!;
    ticks = null;
    if (added < files * ADDED_SHARE) return false;
    pending.forEach(tick);
    return true;
  };

  const settled = (a: Asked, hit: boolean) => {
    const key = `${a.oid}\0${a.path}`;
    if (hit) {
      holding.add(key);
      keep(a.idx, a.sha);
    } else {
      if (clean.size >= REMEMBER) clean.clear();
      clean.add(key);
    }
  };

  const done = () => {
    if (resume && asked.length - next <= RESUME) {
      resume();
      resume = null;
    }
    if (next > 4096 && next * 2 > asked.length) {
      asked.splice(0, next);
      next = 0;
    }
  };

  const whole = (then: (buf: Buffer) => void): ObjectReader => {
    const parts: Buffer[] = [];
    return {
      push: (b) => parts.push(b),
      end: () => {
        then(parts.length === 1 ? parts[0] : Buffer.concat(parts));
        done();
      },
    };
  };

  const readCommit = (a: Asked): ObjectReader =>
    whole((body) => {
      const v = judges.commit(a.sha, body);
      if (v.keep) keep(a.idx, a.sha);
      if (v.later.length) dirty.add(a.sha);
      later.push(...v.later);
    });

  const readBlob = (a: Asked, size: number): ObjectReader => {
    if (size <= HELD) return whole((buf) => settled(a, judges.blob(a.path!, buf)));
    const { scanner, hit } = judges.blobScanner(a.path!);
    return {
      push: (b) => scanner.push(b),
      end: () => {
        scanner.end();
        judges.lines += scanner.lineCount;
        // Too big to hold: what is not plain text to the blob reader is not judged as git's diff would show it.
        settled(a, hit() || scanner.kind !== 'text');
        done();
      },
    };
  };

  const entry = (e: PathChange) => {
    if (isDeletion(e.newOid)) return;
    // A type change shows as a deletion and a new file in the patch: its name is new there too.
    const named = /[AT]/.test(e.status);
    if (judges.path(e.path, named)) keep(idx, sha);
    if (e.newMode === SUBMODULE_MODE) {
      if (judges.gitlink(e.path, e.newOid)) keep(idx, sha);
      return;
    }
    files++;
    if (named) added++;
    const key = `${e.newOid}\0${e.path}`;
    if (holding.has(key)) return keep(idx, sha);
    if (clean.has(key)) return;
    asked.push({ idx, sha, path: e.path, oid: e.newOid });
    ids.push(e.newOid);
  };

  const handler = {
    commit: (s: string) => {
      idx++;
      sha = s;
      tick(s);
      judged.push(s);
      asked.push({ idx, sha, oid: s });
      ids.push(s);
    },
    entry,
    wait: () => {
      if (ticks && files >= SAMPLE && !goOn()) return Promise.reject(GIVE_UP);
      cat.request(ids);
      ids = [];
      if (asked.length - next <= MAX_ASKED) return undefined;
      // cat-file ending early (an error) must not leave the walk waiting.
      return Promise.race([
        new Promise<void>((r) => (resume = r)),
        cat.exited.then(() => Promise.reject(new Error('git cat-file stopped early'))),
      ]);
    },
  };

  // The walk starts first: it is the longest part, and cat-file has nothing to do before it prints.
  const walking = (async () => {
    if (remembered?.exists) {
      cache = await remembered.clean;
      if (cache?.size) {
        // Most commits known clean: list the commits (milliseconds) and walk only the others, to the end.
        ticks = null;
        const input = await commitsToJudge(git, revs, cache, (s) => {
          tick(s);
          known++;
        });
        if (input) await git.rawLog(['--no-walk=unsorted'], handler, input);
        return;
      }
    }
    await git.rawLog(revs, handler);
    cache = await remembered?.clean;
  })();
  const cat = git.openCatFile({
    object: (_id, _type, size) => {
      const a = asked[next++];
      return a.path === undefined ? readCommit(a) : readBlob(a, size);
    },
    missing: (name, why) => {
      const a = asked[next++];
      // A commit git cannot read: the audit is incomplete and says so. A blob: the patch pass reads that
      // commit, and git's own error stops the audit there (exit 2), as a full read would.
      if (a.path === undefined) notices.push(unreadable(`<commit ${name.slice(0, 12)}>`, `commit object ${name.slice(0, 12)} (${why})`));
      else keep(a.idx, a.sha);
      dirty.add(a.sha);
      done();
    },
  });
  try {
    await walking;
    cat.request(ids);
  } catch (e) {
    if (e !== GIVE_UP) throw e;
    return null;
  } finally {
    await cat.close();
  }
  ticks?.forEach((s) => onCommit?.({ sha: s, author: '', date: '' }));
  const commits = [...kept.entries()].sort((x, y) => x[0] - y[0]).map(([, s]) => s);
  if (cache) rememberClean(cache, judged, new Set([...dirty, ...kept.values()]));
  return { commits, later, commitsSeen: idx + 1 + known, commitsKnown: known, files, lines: judges.lines };
}
