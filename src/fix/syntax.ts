/**
 * Do the rewritten files still parse? Each language's own parser where one is at hand: V8 (as Node compiles
 * CommonJS, and ES modules in one `node` child), the typescript package (the project's, else leakguard's)
 * for TypeScript and JSX, python3's ast (all files in one process), gofmt, sh -n. The original must parse
 * the same way first, or the rewrite cannot be checked and is refused. Where no parser is installed, the
 * rewrite rules alone stand.
 */
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { runProcess } from '../git';

export interface Candidate {
  file: string;
  before: string;
  after: string;
}
type Verdicts = (boolean | null)[]; // per text; null: no parser here

const PY =
  'import ast,sys,base64\nfor l in sys.stdin.read().split():\n  try:\n    ast.parse(base64.b64decode(l)); print(1)\n  except Exception:\n    print(0)';
const ESM =
  "const vm=require('vm');for(const l of require('fs').readFileSync(0,'utf8').split('\\n').filter(Boolean)){try{new vm.SourceTextModule(Buffer.from(l,'base64').toString('utf8'));console.log(1)}catch{console.log(0)}}";

async function batch(cmd: string, args: string[], texts: Buffer[]): Promise<Verdicts> {
  const r = await runProcess(cmd, args, texts.map((t) => t.toString('base64')).join('\n') + '\n');
  const out = r?.stdout.trim().split('\n') ?? [];
  return texts.map((_, i) => (out.length === texts.length ? out[i] === '1' : null));
}

function cjs(t: Buffer): boolean {
  try {
    vm.compileFunction(t.toString('utf8').replace(/^#!/, '//'), ['exports', 'require', 'module', '__filename', '__dirname']);
    return true;
  } catch {
    return false;
  }
}

function typescript(root: string, file: string, t: Buffer): boolean | null {
  let ts: typeof import('typescript') | null = null;
  for (const from of [path.join(root, 'package.json'), __filename]) {
    try {
      ts = createRequire(from)('typescript');
      break;
    } catch {
      /* not installed there */
    }
  }
  if (!ts) return null;
  const ext = path.extname(file).toLowerCase();
  const kind = ext === '.tsx' ? ts.ScriptKind.TSX : ext === '.jsx' ? ts.ScriptKind.JSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(path.basename(file), t.toString('utf8'), ts.ScriptTarget.Latest, false, kind);
  return ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length === 0;
}

const one = async (cmd: string, args: string[], t: Buffer) => {
  const r = await runProcess(cmd, args, t);
  return r ? r.code === 0 : null;
};

const LANG: Record<string, string> = {
  js: 'JavaScript',
  cjs: 'JavaScript',
  mjs: 'JavaScript',
  ts: 'TypeScript',
  tsx: 'TypeScript',
  mts: 'TypeScript',
  cts: 'TypeScript',
  jsx: 'JSX',
  py: 'Python',
  go: 'Go',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
};

/** For each candidate: why its rewrite cannot be accepted (one line), or null. */
export async function syntaxProblems(cands: Candidate[], root: string): Promise<(string | null)[]> {
  const ext = (c: Candidate) => path.extname(c.file).slice(1).toLowerCase();
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  const pairs: [boolean | null, boolean | null][] = cands.map(() => [null, null]);
  const py = cands.map((c, i) => [c, i] as const).filter(([c]) => ext(c) === 'py');
  if (py.length) {
    const v = await batch(
      'python3',
      ['-c', PY],
      py.flatMap(([c]) => [bytes(c.before), bytes(c.after)]),
    );
    py.forEach(([, i], j) => {
      pairs[i] = [v[2 * j], v[2 * j + 1]];
    });
  }
  const esm: number[] = [];
  for (const [i, c] of cands.entries()) {
    const e = ext(c);
    if (e === 'js' || e === 'cjs') {
      pairs[i] = [cjs(bytes(c.before)), cjs(bytes(c.after))];
      if (e === 'js' && !pairs[i][0]) esm.push(i);
    }
    if (e === 'mjs') esm.push(i);
    if (['ts', 'tsx', 'mts', 'cts', 'jsx'].includes(e))
      pairs[i] = [typescript(root, c.file, bytes(c.before)), typescript(root, c.file, bytes(c.after))];
    if (e === 'go') pairs[i] = [await one('gofmt', ['-e'], bytes(c.before)), await one('gofmt', ['-e'], bytes(c.after))];
    if (['sh', 'bash', 'zsh'].includes(e)) {
      const sh = e === 'sh' ? 'sh' : e;
      pairs[i] = [await one(sh, ['-n'], bytes(c.before)), await one(sh, ['-n'], bytes(c.after))];
    }
  }
  if (esm.length) {
    const v = await batch(
      process.execPath,
      ['--experimental-vm-modules', '--no-warnings', '-e', ESM],
      esm.flatMap((i) => [bytes(cands[i].before), bytes(cands[i].after)]),
    );
    esm.forEach((i, j) => {
      pairs[i] = [v[2 * j], v[2 * j + 1]];
    });
  }
  return cands.map((c, i) => {
    const [was, is] = pairs[i];
    const name = LANG[ext(c)] ?? 'its language';
    if (was === null) return null;
    if (!was) return `it does not parse as ${name} even before the fix, so leakguard cannot check a rewrite`;
    return is === false ? `the rewrite would not parse as ${name}` : null;
  });
}
