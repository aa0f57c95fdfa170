/**
 * The loader inside the hook bundle (see bundle-hook.ts): its source text is copied into dist/src/cli.js,
 * so it must not use anything outside its own parameters. It loads bundled modules the way node would
 * (a Module in require.cache under the module's own path, its own __filename and __dirname, the same
 * module object for every requirer) and hands every other require to node.
 */
import type NodeModule from 'node:module';

type Factory = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;
export type BundledModules = Record<string, [Factory, Record<string, string>]>;

export function bundleRuntime(
  entry: string,
  defs: BundledModules,
  self: NodeJS.Module,
  outer: NodeJS.Require,
  Module: typeof NodeModule,
): void {
  const M = Module as unknown as {
    new (id: string, parent?: NodeJS.Module): NodeJS.Module;
    _cache: Record<string, NodeJS.Module>;
    _nodeModulePaths(dir: string): string[];
    _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: unknown): string;
  };
  const sep = process.platform === 'win32' ? '\\' : '/';
  const srcDir = self.filename.slice(0, self.filename.length - entry.length);
  const dirOf = (file: string) => file.slice(0, file.lastIndexOf(sep));

  function load(rel: string, parent: NodeJS.Module): unknown {
    const filename = srcDir + rel.split('/').join(sep);
    const cached = M._cache[filename];
    if (cached) return cached.exports;
    const m = new M(filename, parent);
    m.filename = filename;
    m.paths = M._nodeModulePaths(dirOf(filename));
    M._cache[filename] = m;
    try {
      run(rel, m);
    } catch (e) {
      delete M._cache[filename]; // as node does: a module that threw is loaded again next time
      throw e;
    }
    m.loaded = true;
    return m.exports;
  }

  function run(rel: string, m: NodeJS.Module): void {
    const [factory, deps] = defs[rel];
    const req = ((id: string) => (Object.prototype.hasOwnProperty.call(deps, id) ? load(deps[id], m) : m.require(id))) as NodeJS.Require;
    req.resolve = ((id: string, options?: unknown) => M._resolveFilename(id, m, false, options)) as NodeJS.RequireResolve;
    req.main = outer.main;
    req.cache = M._cache;
    factory.call(m.exports, m.exports, req, m, m.filename, dirOf(m.filename));
  }

  run(entry, self);
}
