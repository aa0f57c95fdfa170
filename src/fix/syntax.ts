/**
 * Does the rewritten file still parse? Each language's own parser where one is at hand: node --check for
 * JavaScript, the typescript package (the project's, else leakguard's) for TypeScript and JSX, python3's
 * ast, gofmt, sh -n. The original must parse the same way first, or the rewrite cannot be checked and
 * is refused. Where no parser is installed, the rewrite rules alone stand (null).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { runProcess } from '../git';

type Check = (text: Buffer) => Promise<boolean | null>; // null: no parser here

const ok = async (cmd: string, args: string[], text: Buffer) => { const r = await runProcess(cmd, args, text); return r ? r.code === 0 : null; };

function loadTypescript(root: string): typeof import('typescript') | null {
  for (const from of [path.join(root, 'package.json'), __filename]) {
    try { return createRequire(from)('typescript'); } catch { /* not installed there */ }
  }
  return null;
}

function checker(file: string, root: string, jsMode?: string): { name: string; check: Check } | null {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  if (['js', 'cjs', 'mjs'].includes(ext)) {
    const mode = jsMode ?? (ext === 'mjs' ? 'module' : 'commonjs');
    return { name: 'JavaScript', check: (t) => ok(process.execPath, [`--input-type=${mode}`, '--check', '-'], t) };
  }
  if (['ts', 'tsx', 'mts', 'cts', 'jsx'].includes(ext)) {
    return {
      name: ext === 'jsx' ? 'JSX' : 'TypeScript',
      check: async (t) => {
        const ts = loadTypescript(root);
        if (!ts) return null;
        const kind = ext === 'tsx' ? ts.ScriptKind.TSX : ext === 'jsx' ? ts.ScriptKind.JSX : ts.ScriptKind.TS;
        const sf = ts.createSourceFile(path.basename(file), t.toString('utf8'), ts.ScriptTarget.Latest, false, kind);
        return ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length === 0;
      },
    };
  }
  if (ext === 'py') return { name: 'Python', check: (t) => ok('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.buffer.read())'], t) };
  if (ext === 'go') return { name: 'Go', check: (t) => ok('gofmt', ['-e'], t) };
  if (['sh', 'bash', 'zsh'].includes(ext)) return { name: 'shell', check: async (t) => (await ok(ext === 'sh' ? 'sh' : ext, ['-n'], t)) ?? ok('sh', ['-n'], t) };
  return null;
}

/** Why the rewrite cannot be accepted (one line), or null. */
export async function syntaxProblem(file: string, root: string, before: string, after: string): Promise<string | null> {
  const b = Buffer.from(before, 'latin1');
  const a = Buffer.from(after, 'latin1');
  let c = checker(file, root);
  if (!c) return null;
  let was = await c.check(b);
  if (was === false && /\.js$/i.test(file)) { // a .js file may be an ES module
    c = checker(file, root, 'module')!;
    was = await c.check(b);
  }
  if (was === null) return null;
  if (!was) return `it does not parse as ${c.name} even before the fix, so leakguard cannot check a rewrite`;
  return (await c.check(a)) === false ? `the rewrite would not parse as ${c.name}` : null;
}
