/**
 * Annotated tags in a push: each tag object is sent, message and all, so its text is scanned (a tag
 * of a tag too). Returns what each tag finally points at; a tag of a blob or a tree sends that content,
 * which is read whole.
 */
import type { Git } from '../git';
import type { Emit, Notice } from './fragment';
import { scanBlobs, unreadable, type BlobRef } from './blob/read-blobs';
import { scanOddMessage } from './commit-objects';

const MAX_DEPTH = 10;
/** Signature lines are base64 armour, not text anyone wrote. */
const SIGNATURE = /^-----BEGIN (PGP|SSH) SIGNATURE-----$/;

export interface Target {
  sha: string;
  type: string;
}

function tagText(body: Buffer): { name: string; lines: string[]; object: string; type: string; tagger: string; date: string } {
  const all = body
    .toString('utf8')
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const header = (k: string) => all.find((l) => l.startsWith(`${k} `))?.slice(k.length + 1) ?? '';
  const tagger = header('tagger');
  const when = /> (\d+) [+-]\d{4}$/.exec(tagger);
  const sig = all.findIndex((l) => SIGNATURE.test(l));
  const lines = sig === -1 ? all : [...all.slice(0, sig), ...all.slice(sig).filter((l) => !/^[A-Za-z0-9+/=]*$/.test(l))];
  return {
    name: header('tag'),
    lines,
    object: header('object'),
    type: header('type'),
    tagger: tagger.replace(/ \d+ [+-]\d{4}$/, ''),
    date: when ? new Date(Number(when[1]) * 1000).toISOString() : '',
  };
}

/** Scans the tag objects `shas` (and the tags they point at); returns each one's final target, or null if unreadable. */
export async function scanTagObjects(git: Git, shas: string[], emit: Emit, notices: Notice[]): Promise<Array<Target | null>> {
  const result: Array<Target | null> = shas.map(() => null);
  let pending = shas.map((sha, i) => ({ sha, i }));
  for (let depth = 0; depth < MAX_DEPTH && pending.length; depth++) {
    const objects = await git.readObjects(pending.map((p) => p.sha));
    const next: typeof pending = [];
    pending.forEach((p, k) => {
      const o = objects[k];
      if (!o) {
        notices.push(unreadable(`<tag ${p.sha.slice(0, 12)}>`, `tag object ${p.sha.slice(0, 12)}`));
        return;
      }
      if (o.type !== 'tag') {
        result[p.i] = { sha: o.sha, type: o.type };
        return;
      }
      const t = tagText(o.body);
      const info = { sha: o.sha, author: t.tagger, date: t.date };
      emit({ file: `<tag ${t.name}>`, lines: t.lines, lineNumbers: t.lines.map((_, n) => n + 1), commit: info });
      // A message with NUL bytes (UTF-16, say) does not read as UTF-8: decoded from its bytes.
      const split = o.body.indexOf('\n\n');
      if (split !== -1 && o.body.includes(0, split)) scanOddMessage(o.body.subarray(split + 2), `<tag ${t.name}>`, info, emit);
      if (t.type === 'tag') next.push({ sha: t.object, i: p.i });
      else result[p.i] = { sha: t.object, type: t.type };
    });
    pending = next;
  }
  for (const p of pending) notices.push(unreadable(`<tag ${p.sha.slice(0, 12)}>`, 'a chain of tags too deep to follow'));
  return result;
}

/** Scans what a tag of a blob or a tree sends. */
export async function scanTargetContent(
  git: Git,
  targets: Array<Target & { name: string }>,
  emit: Emit,
  notices: Notice[],
): Promise<number> {
  const blobs: BlobRef[] = [];
  for (const t of targets) {
    if (t.type === 'blob') blobs.push({ file: `<${t.name}>`, sha: t.sha });
    if (t.type !== 'tree') continue;
    for (const e of await git.lsTree(t.sha)) if (e.type === 'blob') blobs.push({ file: `<${t.name}>/${e.path}`, sha: e.sha });
  }
  return (await scanBlobs(git, blobs, emit, notices)).lines;
}
