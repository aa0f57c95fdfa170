/**
 * The plan for one file: its bytes with every occurrence of every reported key rewritten to read the
 * environment and the import that needs (the parse check runs on all plans at once: syntax.ts). Any doubt gives a one-line refusal instead,
 * and then the file is left exactly as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { langOf } from './lex';
import { rewriteCode } from './code';
import { rewriteShell } from './shell';
import { rewriteYaml } from './yaml';
import { ensureGoOs, ensurePythonOs } from './imports';
import { applyEdits, type Edit, type Rewrite } from './edits';

export interface FilePlan {
  file: string;
  before: string;
  after: string;
  edits: Edit[];
  secrets: string[];
  addedImport?: string;
}
export interface Refusal {
  file: string;
  why: string;
}

/** A file's bytes as a string of one char per byte: every byte outside the edits is written back as it was. */
export const readBytes = (abs: string) => fs.readFileSync(abs).toString('latin1');

function rewrite(file: string, text: string, secrets: string[], varOf: (s: string) => string): Rewrite {
  if (/\.ya?ml$/i.test(file)) return rewriteYaml(text, secrets, varOf);
  if (/\.(sh|bash|zsh)$/i.test(file)) return rewriteShell(text, secrets, varOf);
  const lang = langOf(file);
  if (!lang)
    return {
      refuse: `leakguard cannot make a ${path.extname(file) || path.basename(file)} file read an environment variable; move the key by hand`,
    };
  return rewriteCode(file, lang, text, secrets, varOf);
}

/** The rewrite of one file, not yet checked by a parser (see syntaxProblems). */
export function planFile(root: string, file: string, secrets: string[], varOf: (s: string) => string): FilePlan | Refusal {
  const before = readBytes(path.join(root, file));
  if (secrets.some((s) => !before.includes(s)))
    return { file, why: 'a key is not written out in the file (encoded or split), so it cannot be replaced' };
  const r = rewrite(file, before, secrets, varOf);
  if ('refuse' in r) return { file, why: r.refuse };
  const edited = applyEdits(before, r.edits);
  const addedImport = r.imports === 'py-os' ? 'import os' : r.imports === 'go-os' ? 'import "os"' : undefined;
  const after = r.imports === 'py-os' ? ensurePythonOs(edited) : r.imports === 'go-os' ? ensureGoOs(edited) : edited;
  if (after === null) return { file, why: `leakguard cannot add ${addedImport} to it safely` };
  if (secrets.some((s) => after.includes(s))) return { file, why: 'a key would remain in the file' };
  return { file, before, after, edits: r.edits, secrets, addedImport: after === edited ? undefined : addedImport };
}
