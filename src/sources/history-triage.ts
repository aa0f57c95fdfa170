/**
 * The first pass of a history audit: which commits hold anything at all, so that only those are read as
 * patches. One `git log --raw` walks the commits (what each changed: paths and blob ids, no content) while
 * one `git cat-file --batch` reads each new blob once and each commit object; git needs no diff for that,
 * and the two git processes and this one share the machine's cores.
 *
 * A blob is judged whole: first on its bytes (Probe.mayHold: no keyword, no escape, no wrapped base64 means
 * nothing to find), then, if it may hold something, scanned as the blob reader reads it. A commit is kept
 * when one of its new blobs, its paths or its message has a finding (allowed ones too): a line a patch adds
 * is a line of the new blob, so a commit left out has nothing a patch would show. The patch pass
 * (history.ts) then reads the kept commits exactly as a full audit reads every commit.
 */
import type { Git } from '../git';
import type { PathChange } from '../git/parse-raw-log';
import { SUBMODULE_MODE } from '../git/parse-raw-diff';
import type { ObjectReader } from '../git/cat-file';
import type { Probe } from './source';
import type { CommitInfo, Fragment, Notice } from './fragment';
import { BlobScanner, classify } from './blob/blob-scanner';
import { isGzip, isZip } from './blob/archives';
import { FragmentSink } from './blob/fragment-sink';
import { TextLines } from './blob/text-lines';
import { unreadable } from './blob/read-blobs';
import { nameLines, NAME_LINE } from './name-lines';
import { scanCommitObject } from './commit-objects';
import { MESSAGE_FILE } from '../diff/patch-parser';
import { ShaList } from './sha-list';
import type { CleanCommits } from './history-cache';

export interface Triage {
  /** The commits to read as patches, in the walk's order. */
  commits: string[];
  /**
   * What the commit-object pass of a full audit would report (header lines, a message git's text output
   * garbles): only the fragments with something in them, in the walk's order, to go after the patches.
   */
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
/** Blob and path results remembered (a blob met again at the same path is not read twice): cleared when full. */
const REMEMBER = 1 << 20;
const SNIFF = 8000;

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
  remembered?: Promise<CleanCommits | undefined>,
): Promise<Triage> {
  let cache: CleanCommits | undefined;
  const kept = new Map<number, string>();
  /** Commits judged here (not known clean from an earlier audit), and those with anything in them. */
  const judged = new ShaList();
  const dirty = new Set<string>();
  let skipping = false;
  let cached = 0;
  const later: Fragment[] = [];
  const asked: Asked[] = [];
  let next = 0;
  let ids: string[] = [];
  let idx = -1;
  let sha = '';
  let files = 0;
  const counted = { lines: 0 };
  const clean = new Set<string>();
  const holding = new Set<string>();
  let resume: (() => void) | null = null;

  const keep = (i: number, s: string): void => {
    kept.set(i, s);
  };
  const remember = (set: Set<string>): void => {
    if (set.size >= REMEMBER) set.clear();
  };

  /** The blob reader, its fragments judged one by one until one holds something. */
  const blobScanner = (a: Asked) => {
    let hit = false;
    // A patch adds some of the blob's lines: nothing found in the whole is enough only when no part of it is
    // read otherwise than the whole (a wrapped run, a PEM block: Probe.readsAcrossLines).
    const scanner = new BlobScanner(a.path!, undefined, (f) => {
      if (!hit && (probe.finds(f) || probe.readsAcrossLines(f))) hit = true;
    });
    return { scanner, hit: () => hit };
  };

  const judge = (a: Asked, buf: Buffer): boolean => {
    const head = buf.subarray(0, SNIFF);
    const text = classify(head).kind === 'text' && !isZip(head) && !isGzip(head);
    if (text && !probe.mayHold(buf, counted)) return false;
    const { scanner, hit } = blobScanner(a);
    scanner.push(buf);
    scanner.end();
    counted.lines += scanner.lineCount;
    if (hit()) return true;
    // Not text to the blob reader (a byte-order mark, say) but text to git's diff (no NUL byte): the patch
    // shows its lines as UTF-8, so they are judged that way too.
    if (!text && !head.includes(0)) {
      let hit = false;
      const asText = new TextLines(new FragmentSink(a.path!, undefined, (f) => (hit ||= probe.finds(f) || probe.readsAcrossLines(f))));
      asText.push(buf.toString('utf8'));
      asText.end();
      return hit;
    }
    return false;
  };

  const settled = (a: Asked, hit: boolean) => {
    const key = `${a.oid}\0${a.path}`;
    if (hit) {
      holding.add(key);
      keep(a.idx, a.sha);
    } else {
      remember(clean);
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

  const readCommit = (a: Asked): ObjectReader => {
    const parts: Buffer[] = [];
    return {
      push: (b) => parts.push(b),
      end: () => {
        judgeCommit(a, parts.length === 1 ? parts[0] : Buffer.concat(parts));
        done();
      },
    };
  };

  const judgeCommit = (a: Asked, body: Buffer) => {
    scanCommitObject(a.sha, body, (f) => {
      if (headerFinds(f)) {
        later.push(f);
        dirty.add(a.sha);
      }
    });
    const split = body.indexOf('\n\n');
    const message = split === -1 ? Buffer.alloc(0) : body.subarray(split + 2);
    const encoding = /^encoding (.*)$/m.exec(body.subarray(0, split === -1 ? body.length : split).toString('latin1'))?.[1];
    // A message git re-encodes or cuts: the patch pass shows it as git does.
    if (message.includes(0) || (encoding && !/^utf-?8$/i.test(encoding.trim()))) return keep(a.idx, a.sha);
    if (!probe.mayHold(message)) return;
    const text = message.toString('utf8').split('\n');
    const lineNumbers = text.map((_, i) => i + 1);
    const f: Fragment = { file: MESSAGE_FILE, lines: text.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)), lineNumbers };
    if (probe.finds(f)) keep(a.idx, a.sha);
  };

  /** A small fragment judged on its text first (a commit's header lines: the engine is the slow part). */
  const fragmentFinds = (f: Fragment): boolean => {
    if (!f.lines.length) return probe.finds(f);
    const text = f.lines.join('\n');
    return probe.mayHold(Buffer.from(text)) && probe.finds(f);
  };
  /** Header lines (names and e-mails, dates taken off) repeat from commit to commit: judged once each. */
  const headers = new Map<string, boolean>();
  const headerFinds = (f: Fragment): boolean => {
    const key = `${f.file}\0${f.lines.join('\n')}`;
    let hit = headers.get(key);
    if (hit === undefined) {
      if (headers.size >= 4096) headers.clear();
      headers.set(key, (hit = fragmentFinds(f)));
    }
    return hit;
  };

  const readBlob = (a: Asked, size: number): ObjectReader => {
    if (size > HELD) {
      const { scanner, hit } = blobScanner(a);
      return {
        push: (b) => scanner.push(b),
        end: () => {
          scanner.end();
          counted.lines += scanner.lineCount;
          settled(a, hit());
          done();
        },
      };
    }
    const parts: Buffer[] = [];
    return {
      push: (b) => parts.push(b),
      end: () => {
        settled(a, judge(a, parts.length === 1 ? parts[0] : Buffer.concat(parts)));
        done();
      },
    };
  };

  /** A path: a file-name rule (a .p12 key store), and the name itself when the commit adds it. */
  const pathFinds = (path: string, added: boolean): boolean => {
    if (probe.fileNamed(path)) return true;
    if (!added) return false;
    const names = nameLines(path);
    return fragmentFinds({ file: path, lines: names, lineNumbers: names.map(() => NAME_LINE) });
  };

  const entry = (e: PathChange) => {
    if (skipping || isDeletion(e.newOid)) return;
    // The path itself (a new file's name; a file-name rule such as a .p12 key store).
    if (pathFinds(e.path, e.status.includes('A'))) keep(idx, sha);
    if (e.newMode === SUBMODULE_MODE) {
      const line = [`Subproject commit ${e.newOid}`];
      if (fragmentFinds({ file: e.path, lines: line, lineNumbers: [1] })) keep(idx, sha);
      return;
    }
    files++;
    const key = `${e.newOid}\0${e.path}`;
    if (holding.has(key)) return keep(idx, sha);
    if (clean.has(key)) return;
    asked.push({ idx, sha, path: e.path, oid: e.newOid });
    ids.push(e.newOid);
  };

  // The walk first: it is the longest part, and cat-file has nothing to do before it prints.
  const walking = git.rawLog(revs, {
    commit: (s) => {
      idx++;
      sha = s;
      onCommit?.({ sha: s, author: '', date: '' });
      // Known clean from an earlier audit with the same rules: nothing of it is read.
      skipping = cache?.has(s) ?? false;
      if (skipping) return void cached++;
      judged.push(s);
      asked.push({ idx, sha, oid: s });
      ids.push(s);
    },
    entry,
    ready: remembered?.then((c) => (cache = c)),
    wait: () => {
      cat.request(ids);
      ids = [];
      if (asked.length - next <= MAX_ASKED) return undefined;
      // cat-file ending early (an error) must not leave the walk waiting.
      return Promise.race([
        new Promise<void>((r) => (resume = r)),
        cat.exited.then(() => Promise.reject(new Error('git cat-file stopped early'))),
      ]);
    },
  });
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
  } finally {
    await cat.close();
  }
  const commits = [...kept.entries()].sort((x, y) => x[0] - y[0]).map(([, s]) => s);
  if (cache) {
    for (const s of kept.values()) dirty.add(s);
    for (const slice of judged.slices()) for (const s of slice) if (!dirty.has(s)) cache.add(s);
    cache.save();
  }
  return { commits, later, commitsSeen: idx + 1, commitsKnown: cached, files, lines: counted.lines };
}
