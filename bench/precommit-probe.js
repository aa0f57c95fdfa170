// Preloaded by bench/precommit.mjs (node -r): splits one `leakguard scan --staged` run into phases, in the
// process itself, without touching the product code. Each instrumented call pushes its phase; the time is
// charged to the innermost open phase, so the phases add up to the run. Prints one JSON line on exit (to fd 3).
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

const startup = performance.now(); // node's own start-up, up to the first line of user code
const spent = { modules: 0, rules: 0, engine: 0, config: 0, spawn: 0, scan: 0, other: 0 };
const counts = { jsFiles: 0, modulesRun: 0, spawns: 0, bytesRead: 0 };
let gitWall = 0;
const stack = ['other'];
let last = performance.now();
function enter(phase) {
  const now = performance.now();
  spent[stack[stack.length - 1]] += now - last;
  last = now;
  stack.push(phase);
}
function leave() {
  const now = performance.now();
  spent[stack.pop()] += now - last;
  last = now;
}
function timed(phase, fn) {
  return function (...args) {
    enter(phase);
    try {
      return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
    } finally {
      leave();
    }
  };
}

// Every JavaScript module the run loads (a bundle is one), and the rule data it reads.
const load = Module._load;
Module._load = function (request, ...rest) {
  enter('modules');
  try {
    return load.call(this, request, ...rest);
  } finally {
    leave();
  }
};
const loadJs = Module._extensions['.js'];
Module._extensions['.js'] = function (...args) {
  counts.jsFiles++; // a JavaScript file node reads and compiles
  return loadJs.apply(this, args);
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  const rules = typeof file === 'string' && /[\\/](rules\.json|automata[\\/]|.*\.bin$)/.test(file);
  if (rules) enter('rules');
  try {
    const out = readFileSync.call(this, file, ...rest);
    if (rules) counts.bytesRead += out.length;
    return out;
  } finally {
    if (rules) leave();
  }
};
const JSONparse = JSON.parse;
JSON.parse = function (text, ...rest) {
  const big = typeof text === 'string' && text.length > 20000; // the rule set, not a config
  if (big) enter('rules');
  try {
    return JSONparse.call(this, text, ...rest);
  } finally {
    if (big) leave();
  }
};

// Git: the synchronous cost of starting each process, and how long git runs (overlapping the rest).
const cp = require('node:child_process');
const spawn = cp.spawn;
cp.spawn = function (...args) {
  counts.spawns++;
  const t = performance.now();
  enter('spawn');
  try {
    const child = spawn.apply(this, args);
    child.on('close', () => (gitWall += performance.now() - t));
    return child;
  } finally {
    leave();
  }
};

// The engine: building it (regexes, prefilter tables) and scanning with it; the config; the rule set. Found
// by their exports as each module finishes loading, whether node loaded it from its own file or the hook bundle
// did (both register the module in require.cache and set module.loaded when it has run).
Module._cache = new Proxy(Module._cache, {
  set(cache, key, m) {
    cache[key] = m;
    if (m && typeof m === 'object' && !Object.getOwnPropertyDescriptor(m, 'loaded')?.set) {
      let loaded = m.loaded;
      counts.modulesRun++;
      if (!loaded) enter('modules'); // its top-level code runs until it is marked loaded
      Object.defineProperty(m, 'loaded', {
        configurable: true,
        enumerable: true,
        get: () => loaded,
        set(v) {
          if (v && !loaded) {
            leave();
            wrapExports(m.exports);
          }
          loaded = v;
        },
      });
    }
    return true;
  },
});
function wrapExports(ex) {
  if (!ex || typeof ex !== 'object') return;
  if (typeof ex.Engine === 'function' && !ex.Engine.__probed) {
    const E = ex.Engine;
    const W = timed('engine', E);
    W.prototype = E.prototype;
    W.__probed = true;
    E.prototype.scan = timedScan(E.prototype.scan);
    try {
      Object.defineProperty(ex, 'Engine', { value: W, enumerable: true, configurable: true, writable: true });
    } catch {
      /* a getter-only export: leave it */
    }
  }
  for (const [name, phase] of [
    ['loadConfig', 'config'],
    ['rulesFor', 'rules'],
    ['builtinPrefilter', 'rules'],
  ]) {
    const d = Object.getOwnPropertyDescriptor(ex, name);
    if (d && typeof ex[name] === 'function' && !ex[name].__probed) {
      const w = timed(phase, ex[name]);
      w.__probed = true;
      try {
        Object.defineProperty(ex, name, { value: w, enumerable: true, configurable: true, writable: true });
      } catch {
        /* a getter-only export: leave it */
      }
    }
  }
}
function timedScan(scan) {
  return function (...args) {
    if (stack[stack.length - 1] === 'scan') return scan.apply(this, args);
    enter('scan');
    try {
      return scan.apply(this, args);
    } finally {
      leave();
    }
  };
}

process.on('exit', () => {
  spent[stack[stack.length - 1]] += performance.now() - last;
  const out = { startup, total: performance.now(), gitWall, ...spent, ...counts };
  try {
    fs.writeSync(3, `${JSON.stringify(out)}\n`);
  } catch {
    /* not run by the bench */
  }
});
