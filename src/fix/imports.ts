/**
 * The import the rewritten code needs: Python's `import os` after the shebang, the coding line, the module
 * docstring and any `from __future__` imports; Go's "os" in the imports. Text is one char per byte; the
 * added line uses the file's own line ending. Returns null when leakguard cannot add it safely.
 */
const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

export function ensurePythonOs(text: string): string | null {
  const BOM = '\xef\xbb\xbf'; // a UTF-8 byte-order mark stays first
  if (text.startsWith(BOM)) {
    const rest = ensurePythonOs(text.slice(BOM.length));
    return rest === null ? null : BOM + rest;
  }
  if (/^import\s+([\w.]+(\s+as\s+\w+)?\s*,\s*)*os\s*(,|#|\r?$)/m.test(text)) return text;
  const eol = eolOf(text);
  const lines = text.split('\n');
  let at = 0; // insert before lines[at]
  if (lines[0]?.startsWith('#!')) at = 1;
  for (let i = at; i < 2 && i < lines.length; i++) if (/^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+/.test(lines[i])) at = i + 1;
  let i = at;
  const skipBlank = () => {
    while (i < lines.length && /^\s*(#.*)?\r?$/.test(lines[i])) i++;
  };
  skipBlank();
  const doc = /^[rRuU]?("""|'''|"|')/.exec(lines[i] ?? '');
  if (doc) {
    const q = doc[1];
    const rest = lines[i].slice(doc[0].length);
    if (q.length === 1) {
      if (!new RegExp(`${q}\\s*(#.*)?\\r?$`).test(rest)) return null;
    } else if (!rest.includes(q)) {
      do i++;
      while (i < lines.length && !lines[i].includes(q));
      if (i >= lines.length) return null;
    }
    i++;
    at = i;
    skipBlank();
  }
  while (i < lines.length && /^from\s+__future__\s+import\b/.test(lines[i])) {
    if (lines[i].includes('(') && !lines[i].includes(')')) {
      do i++;
      while (i < lines.length && !lines[i].includes(')'));
    }
    while (i < lines.length && /\\\r?$/.test(lines[i])) i++;
    i++;
    at = i;
    skipBlank();
  }
  if (at > lines.length) return null;
  if (at === lines.length && text.length && !text.endsWith('\n')) return `${text}${eol}import os${eol}`;
  lines.splice(at, 0, `import os${eol === '\r\n' ? '\r' : ''}`);
  return lines.join('\n');
}

/** The Go import specs (alias or '', path) of a file: single-line imports and import blocks. */
function goImports(lines: string[]): { alias: string; path: string }[] {
  const specs: { alias: string; path: string }[] = [];
  const spec = (s: string) => {
    const m = /^\s*(?:([\w.]+)\s+)?"([^"]+)"/.exec(s);
    if (m) specs.push({ alias: m[1] ?? '', path: m[2] });
  };
  for (let i = 0; i < lines.length; i++) {
    if (/^import\s*\(/.test(lines[i])) {
      for (i++; i < lines.length && !/^\s*\)/.test(lines[i]); i++) spec(lines[i]);
    } else if (/^import\s/.test(lines[i])) spec(lines[i].replace(/^import\s+/, ''));
  }
  return specs;
}

export function ensureGoOs(text: string): string | null {
  const cr = eolOf(text) === '\r\n' ? '\r' : '';
  const lines = text.split('\n');
  const os = goImports(lines).filter((s) => s.path === 'os');
  if (os.length) return os.some((s) => s.alias === '' || s.alias === 'os') ? text : null; // an aliased "os" would need its alias
  const block = lines.findIndex((l) => /^import\s*\(\s*\r?$/.test(l));
  if (block !== -1) {
    lines.splice(block + 1, 0, `\t"os"${cr}`);
    return lines.join('\n');
  }
  const single = lines.findIndex((l) => /^import\s/.test(l));
  if (single !== -1) {
    lines.splice(single, 0, `import "os"${cr}`);
    return lines.join('\n');
  }
  const pkg = lines.findIndex((l) => /^package\s+\w+/.test(l));
  if (pkg === -1) return null;
  lines.splice(pkg + 1, 0, cr, `import "os"${cr}`);
  return lines.join('\n');
}
