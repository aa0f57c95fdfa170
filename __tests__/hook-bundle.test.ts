/**
 * The commit path's loading: dist/src/cli.js holds the modules a clean `scan --staged` needs (scripts/bundle-hook.ts),
 * and it starts one git process. Counts, never times.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundle } from '../scripts/bundle-hook';
import { CLI, git, newRepo, tempDir, write } from './support/cli';

/** Runs the built CLI with a preload that counts the JavaScript files node reads and the processes it starts. */
function countedRun(cwd: string, args: string[]): { code: number; jsFiles: string[]; spawns: string[] } {
  const preload = path.join(tempDir('lg-count-'), 'count.js');
  fs.writeFileSync(
    preload,
    `const Module = require('node:module'); const cp = require('node:child_process'); const fs = require('node:fs');
const jsFiles = [], spawns = [];
const js = Module._extensions['.js'];
Module._extensions['.js'] = function (m, f) { jsFiles.push(f); return js.call(this, m, f); };
const spawn = cp.spawn;
cp.spawn = function (cmd, args, ...rest) { spawns.push([cmd, ...args].join(' ')); return spawn.call(this, cmd, args, ...rest); };
process.on('exit', () => fs.writeSync(3, JSON.stringify({ jsFiles, spawns })));`,
  );
  const r = spawnSync(process.execPath, ['-r', preload, CLI, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, ...JSON.parse(String(r.output[3])) };
}

function stagedRepo(): string {
  const r = newRepo();
  write(r, 'a.txt', 'first\n');
  git(r, ['add', '.']);
  git(r, ['commit', '-q', '-m', 'init']);
  for (let f = 0; f < 3; f++) write(r, `src${f}.ts`, `export const value${f} = compute("arg", ${f});\n`);
  git(r, ['add', '.']);
  return r;
}

describe('the commit path', () => {
  test('a clean scan --staged reads one JavaScript file of leakguard and starts one git', () => {
    const run = countedRun(stagedRepo(), ['scan', '--staged']);
    expect(run.code).toBe(0);
    expect(run.jsFiles.map((f) => path.relative(path.dirname(CLI), f))).toEqual(['cli.js']);
    expect(run.spawns).toHaveLength(1);
    expect(run.spawns[0]).toMatch(/^git .* diff --cached /);
  });
});

describe('the hook bundle', () => {
  test('a module loaded from disk later shares the bundled instances, and keeps its own paths', () => {
    const dir = tempDir('lg-bundle-');
    write(
      dir,
      'cli.js',
      `const a = require('./a');\na.count++;\nfunction later() {\n  return require('./sub/late');\n}\nconsole.log(a.count, later().same(a), later().dir, a.dir);\n`,
    );
    write(dir, 'a.js', `exports.count = 0;\nexports.dir = __dirname;\n`);
    write(dir, 'sub/late.js', `exports.same = (a) => require('../a') === a && a.count === 1;\nexports.dir = __dirname;\n`);
    const text = bundle(dir, ['cli.js']);
    expect(text).toContain('(2 modules)'); // cli.js and what it imports at its top level; sub/late.js stays on disk
    fs.writeFileSync(path.join(dir, 'cli.js'), text);
    write(dir, 'a.js', `exports.count = 100;\nexports.dir = 'read from disk';\n`); // bundled: never read again
    const out = spawnSync(process.execPath, [path.join(dir, 'cli.js')], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe(`1 true ${path.join(dir, 'sub')} ${dir}`);
  });
});
