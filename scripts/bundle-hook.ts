/**
 * Build step, after tsc: the pre-commit path in one file. tsc writes one file per module, and node pays for
 * each one it loads: a resolve (several stat calls), a read and a compile. A clean commit loads about 55.
 * This rewrites dist/src/cli.js (the bin) as one file holding the modules of that path, with a runtime
 * (bundle-runtime.ts) that loads each on first require. Every module keeps its own
 * __filename and __dirname and is registered in require.cache under its own path, so paths relative to a
 * module (rules.json, the automata, a worker file, package.json) still work and a module loaded from disk
 * later (a reporter, a playbook reader) shares the one instance. Whatever is not in the file, node loads
 * from dist/src as before: the bundle only changes how fast the hook path loads, never what it does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundleRuntime } from './bundle-runtime';

/**
 * The modules a clean `scan --staged` loads, as roots: each brings the modules it imports at its top
 * level. Lazy imports (a finding's reporters, the blob and LFS readers, other commands) stay on disk.
 */
export const HOOK_ROOTS = ['cli.js', 'commands/scan.js', 'sources/staged.js', 'report/reporter.js', 'engine/scan.js', 'rules/load.js'];

export const BUNDLE_MARK = '// leakguard: hook bundle';

/** Relative requires at a module's top level: the imports it runs as soon as it is loaded. */
const TOP_LEVEL = /^(?:const|let|var) [\w$]+ = (?:__import\w+\()?require\((["'])(\.{1,2}\/[^"']+)\1\)/gm;
/** Every relative require, at the top level or inside a function. */
const ANY = /require\((["'])(\.{1,2}\/[^"']+)\1\)/g;

function isFile(f: string): boolean {
  try {
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
}

/** The JavaScript file a relative require names, or null when it is not a module of dist/src (a JSON file, say). */
function resolveIn(srcDir: string, fromRel: string, request: string): string | null {
  const base = path.resolve(srcDir, path.dirname(fromRel), request);
  for (const f of [base, `${base}.js`, path.join(base, 'index.js')]) {
    if (f.endsWith('.js') && isFile(f)) {
      const rel = path.relative(srcDir, f);
      return rel.startsWith('..') ? null : rel.split(path.sep).join('/');
    }
  }
  return null;
}

/** HOOK_ROOTS and everything they import at their top level, transitively. */
export function hookModules(srcDir: string, roots: string[] = HOOK_ROOTS): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = fs.readFileSync(path.join(srcDir, rel), 'utf8');
    for (const m of code.matchAll(TOP_LEVEL)) {
      const dep = resolveIn(srcDir, rel, m[2]);
      if (dep) visit(dep);
    }
  };
  roots.forEach(visit);
  return [...seen];
}

/** One module as a factory, and the map from each request it makes to the bundled module that answers it. */
function moduleEntry(srcDir: string, rel: string, bundled: Set<string>): string {
  const code = fs
    .readFileSync(path.join(srcDir, rel), 'utf8')
    .replace(/^#!.*\n/, '')
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  const deps: Record<string, string> = {};
  for (const m of code.matchAll(ANY)) {
    const dep = resolveIn(srcDir, rel, m[2]);
    if (dep && bundled.has(dep)) deps[m[2]] = dep;
  }
  return `${JSON.stringify(rel)}: [function (exports, require, module, __filename, __dirname) {\n${code}\n}, ${JSON.stringify(deps)}]`;
}

/** The bundle's text: the runtime, then the modules; running it runs cli.js. */
export function bundle(srcDir: string, roots: string[] = HOOK_ROOTS): string {
  const mods = hookModules(srcDir, roots);
  const set = new Set(mods);
  const entries = mods.map((rel) => moduleEntry(srcDir, rel, set)).join(',\n');
  return `#!/usr/bin/env node\n${BUNDLE_MARK} (${mods.length} modules), made by scripts/bundle-hook.ts from the files beside it.\n(${String(bundleRuntime)})(${JSON.stringify(roots[0])}, {\n${entries}\n}, module, require, require('node:module'));\n`;
}

if (require.main === module) {
  const srcDir = path.resolve(__dirname, '..', 'src');
  const cli = path.join(srcDir, 'cli.js');
  if (fs.readFileSync(cli, 'utf8').includes(BUNDLE_MARK)) {
    console.error('dist/src/cli.js is already a bundle: run tsc first (npm run build)');
    process.exit(1);
  }
  const text = bundle(srcDir);
  fs.writeFileSync(cli, text);
  fs.chmodSync(cli, 0o755);
  console.error(`bundled ${hookModules(srcDir).length} modules into dist/src/cli.js (${Math.round(text.length / 1024)} kB)`);
}
