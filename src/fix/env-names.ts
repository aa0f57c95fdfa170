/**
 * Which environment variable each key moves to. The provider's usual name when it is free; else NAME_2,
 * NAME_3, ... A name is free when .env does not hold another value under it, no other key of this run took
 * it, and no file that will read it sets it itself (a script that assigns the variable would make a later
 * read give its value, not the key's). A new suffixed name must not appear in those files at all.
 */
export interface EnvChoice {
  secret: string;
  base: string;
  files: string[];
}

const SHELL = /\.(sh|bash|zsh|ya?ml)$/i;

/** Whether the text sets or unsets the variable (a plain read is fine). */
export function setsVar(text: string, name: string, file: string): boolean {
  const re = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before =
      text
        .slice(Math.max(0, m.index - 80), m.index)
        .split('\n')
        .pop() ?? '';
    const after = text.slice(m.index + name.length, m.index + name.length + 8);
    if (
      /(process\.env\.|process\.env\[\s*["'`]|environ\[\s*["']|ENV\[\s*["'])$/.test(before) &&
      /^["'`]?\]?\s*([-+*/|&]|\?\?)?=(?!=)/.test(after)
    )
      return true;
    if (
      /(delete\s+process\.env\.?\[?["'`]?|Setenv\(\s*"|Unsetenv\(\s*"|putenv\(\s*["']|unsetenv\(\s*["']|(pop|setdefault|update)\(\s*["']|ENV\.delete\(\s*["'])$/.test(
        before,
      )
    )
      return true;
    if (SHELL.test(file)) {
      if (/^\+?=/.test(after) && !/\$\{?$/.test(before)) return true;
      if (/\b(export|unset|local|declare|readonly|typeset|read|for|getopts)\b[^;&|\n]*$/.test(before) && !/\$\{?$/.test(before))
        return true;
      if (/\$\{$/.test(before) && /^:?[=?]/.test(after)) return true;
    }
  }
  return false;
}

export function chooseNames(choices: EnvChoice[], existing: Map<string, string>, textOf: (file: string) => string): Map<string, string> {
  const taken = new Map<string, string>(); // name -> secret
  const out = new Map<string, string>(); // secret -> name
  for (const c of choices) {
    if (out.has(c.secret)) continue;
    const free = (name: string, fresh: boolean) => {
      const held = existing.get(name) ?? taken.get(name);
      if (held !== undefined && held !== c.secret) return false;
      if (taken.has(name) && taken.get(name) !== c.secret) return false;
      return c.files.every((f) => {
        const t = textOf(f);
        return fresh && held === undefined ? !new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(t) : !setsVar(t, name, f);
      });
    };
    const already = [...existing].find(([n, v]) => v === c.secret && free(n, false))?.[0];
    let name = already ?? c.base;
    for (let n = 2; !free(name, name !== c.base); n++) name = `${c.base}_${n}`;
    taken.set(name, c.secret);
    out.set(c.secret, name);
  }
  return out;
}
