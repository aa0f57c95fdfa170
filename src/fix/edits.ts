/** Edits on a file's text (one char per byte), applied back to front so offsets stay valid. */
export interface Edit {
  from: number;
  to: number;
  text: string;
  secret?: string;
}

export type Rewrite = { edits: Edit[]; imports?: 'py-os' | 'go-os' } | { refuse: string };

export function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** Every occurrence of each secret, in text order; null when two of them overlap. */
export function occurrences(text: string, secrets: string[]): { at: number; secret: string }[] | null {
  const all: { at: number; secret: string }[] = [];
  for (const s of new Set(secrets))
    for (let p = text.indexOf(s); p !== -1 && s; p = text.indexOf(s, p + s.length)) all.push({ at: p, secret: s });
  all.sort((a, b) => a.at - b.at);
  for (let i = 1; i < all.length; i++) if (all[i].at < all[i - 1].at + all[i - 1].secret.length) return null;
  return all;
}

export const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
