/**
 * Property tests for `leakguard fix`: random files in each language it rewrites, keys in random places
 * (several per line, twice in a file, in comments, inside longer strings), non-UTF-8 bytes, CRLF, no
 * trailing newline. After fix each file is either untouched (work tree and index) or changed only in the
 * key spans (plus an added import line), still parses, and holds no key, staged or not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import ts from 'typescript';
import { git, leakguard, newRepo } from './support/cli';
import { fakeKey } from './support/keys';
import { Rng } from '../scripts/fixtures/rng';

const HAVE_PY = spawnSync('python3', ['-c', 'import sys; sys.exit(sys.version_info < (3, 8))']).status === 0;
/** The Python files fix rewrote, for the python3 parse check after the rounds. */
const rewrittenPython: Array<{ file: string; text: string }> = [];
const B = (s: string) => Buffer.from(s, 'latin1');

type Gen = (r: Rng, k: () => string, i: number) => string;
const pick = <T>(r: Rng, xs: T[]): T => xs[Math.floor(r.next() * xs.length)];
const odd = (r: Rng) => pick(r, ['caf\xe9', 'na\xefve', '\xa9 M\xfcller', 'plain', 'r\xe9sum\xe9']);

const LANGS: Record<string, { head: (r: Rng) => string[]; lines: Gen[] }> = {
  ts: {
    head: (r) => pick(r, [[], ['import fs from "fs";']]),
    lines: [
      (_, k, i) => `export const v${i}: string = "${k()}";`,
      (_, k, i) => `const o${i} = { key: '${k()}', n: 1 } as const;`,
      (_, k, i) => `type T${i} = "${k()}";`,
      (r, k) => `// ${odd(r)} ${k()}`,
      (_, k, i) => `const v${i} = \`x ${k()}\`;`,
    ],
  },
  js: {
    head: () => ["'use strict';"],
    lines: [
      (_, k, i) => `const v${i} = "${k()}";`,
      (_, k, i) => `const v${i} = '${k()}';`,
      (_, k, i) => `const v${i} = \`${k()}\`;`,
      (_, k, i) => `const v${i} = ["${k()}", "${k()}"];`,
      (_, k, i) => `const v${i} = { apiKey: "${k()}", n: 1 };`,
      (r, k) => `// ${odd(r)} ${k()}`,
      (r, _, i) => `const s${i} = "${odd(r)}";`,
      (_, k, i) => `const v${i} = "pre ${k()} post";`,
      (_, k, i) => `function f${i}() { return "${k()}"; }`,
      (_, k, i) => `const v${i} = \`Bearer \${1 + 1} ${k()}\`;`,
      (_, k, i) => `const v${i} = "${k()}".length;`,
    ],
  },
  py: {
    head: (r) =>
      pick(r, [
        [],
        ['#!/usr/bin/env python3', '# -*- coding: latin-1 -*-', '"""Doc."""', 'from __future__ import annotations'],
        ['# -*- coding: latin-1 -*-', '"""Doc', 'more."""'],
      ]),
    lines: [
      (_, k, i) => `V${i} = "${k()}"`,
      (_, k, i) => `V${i} = '${k()}'`,
      (_, k, i) => `V${i} = f"${k()}"`,
      (_, k, i) => `V${i} = rb"${k()}"`,
      (_, k, i) => `V${i} = f"Bearer {1} ${k()}"`,
      (_, k, i) => `V${i} = ["${k()}", '${k()}']`,
      (r, k) => `# ${odd(r)} ${k()}`,
      (_, k, i) => `V${i} = "pre ${k()} post"`,
      (_, k, i) => `V${i} = {"k": "${k()}"}`,
      (_, k, i) => `V${i} = "a %s ${k()}" % 1`,
    ],
  },
  yaml: {
    head: () => [],
    lines: [
      (_, k, i) => `k${i}: ${k()}`,
      (_, k, i) => `k${i}: "${k()}"`,
      (_, k, i) => `k${i}: '${k()}'`,
      (_, k, i) => `k${i}: {a: '${k()}', b: x}`,
      (_, k, i) => `k${i}: [${k()}, "${k()}"]`,
      (r, k) => `# ${odd(r)} ${k()}`,
      (_, k, i) => `k${i}: "pre ${k()} post"`,
      (r, _, i) => `k${i}: ${odd(r)}`,
      (_, k, i) => `k${i}: ${k()} # note`,
    ],
  },
  sh: {
    head: (r) => pick(r, [[], ['#!/bin/sh']]),
    lines: [
      (_, k, i) => `export V${i}=${k()}`,
      (_, k, i) => `V${i}="${k()}"`,
      (_, k, i) => `V${i}='${k()}'`,
      (_, k) => `echo "Bearer ${k()}" >/dev/null`,
      (_, k) => `printf '%s\\n' 'x ${k()} y' >/dev/null`,
      (r, k) => `# ${odd(r)} ${k()}`,
      (_, k, i) => `V${i}="$(echo ${k()})"`,
      (_, k, i) => `V${i}=${k()}; W${i}="${k()}"`,
    ],
  },
  go: {
    head: (r) => pick(r, [['package main', '', 'import "fmt"'], ['package main', '', 'import (', '\t"fmt"', ')'], ['package main']]),
    lines: [
      (_, k, i) => `var v${i} = "${k()}"`,
      (_, k, i) => `var v${i} = \`${k()}\``,
      (_, k, i) => `const c${i} = "${k()}"`,
      (_, k, i) => `func f${i}() string { return "${k()}" }`,
      (r, k) => `// ${odd(r)} ${k()}`,
      (_, k, i) => `var v${i} = []string{"${k()}", "${k()}"}`,
    ],
  },
};

function makeFile(lang: string, r: Rng, keys: string[]): string {
  const g = LANGS[lang];
  const k = () => pick(r, keys);
  const lines = [...g.head(r)];
  const n = 2 + Math.floor(r.next() * 5);
  for (let i = 0; i < n; i++) lines.push(pick(r, g.lines)(r, k, i));
  if (lang === 'go') lines.push('func main() { fmt := 0; _ = fmt }'.replace('fmt := 0; _ = fmt', ''));
  if (lang === 'go' && !lines.some((l) => l.includes('fmt'))) lines.push('');
  const eol = r.next() < 0.3 ? '\r\n' : '\n';
  return lines.join(eol) + (r.next() < 0.3 ? '' : eol);
}

/** The original's text outside the key spans (a quote or string prefix next to a key belongs to the span), in order. */
function spanOnly(orig: string, now: string, keys: string[]): boolean {
  const drop = (s: string) =>
    s
      .split('\n')
      .filter((l) => !/^(import os|import "os"|\t"os"|)\r?$/.test(l))
      .join('\n');
  const o = drop(orig);
  const n = drop(now);
  const re = new RegExp(keys.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const segs = o.split(re).map((s, i, all) => {
    let x = s;
    if (i < all.length - 1 && /["'`]$/.test(x)) x = x.slice(0, -1).replace(/(^|[^A-Za-z0-9_])[fFrRbBuU]{1,2}$/, '$1');
    if (i > 0 && /^["'`]/.test(x)) x = x.slice(1);
    return x;
  });
  if (!n.startsWith(segs[0]) || !n.endsWith(segs[segs.length - 1])) return false;
  let pos = segs[0].length;
  for (const s of segs.slice(1, -1)) {
    const p = n.indexOf(s, pos);
    if (p === -1) return false;
    pos = p + s.length;
  }
  return pos <= n.length - segs[segs.length - 1].length;
}

function parses(file: string, text: string): boolean {
  const ext = path.extname(file);
  if (ext === '.ts') {
    const sf = ts.createSourceFile(file, B(text).toString('utf8'), ts.ScriptTarget.Latest);
    return ((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics ?? []).length === 0;
  }
  if (ext === '.js') return spawnSync(process.execPath, ['--check', '-'], { input: B(text) }).status === 0;
  // Python is parsed by python3 in a test of its own (below), which is reported as skipped where python3 is missing.
  if (ext === '.py') return rewrittenPython.push({ file, text }) > 0;
  if (ext === '.yaml') return YAML.parseAllDocuments(B(text).toString('utf8')).every((d) => !d.errors.length);
  if (ext === '.sh') return spawnSync('sh', ['-n'], { input: B(text) }).status === 0;
  if (ext === '.go') return !/(^|[^\w.])os\.\w/.test(text) || /^import\s+"os"|^\t"os"/m.test(text);
  return true;
}

const ROUNDS = ['alpha', 'beta', 'gamma'];

test.each(ROUNDS)('random files (round %s): span-only rewrites that parse, or untouched files', (seed) => {
  const r = new Rng(`fix-safe:${seed}`);
  const keys = [fakeKey('openai', `${seed}1`), fakeKey('anthropic', `${seed}2`), fakeKey('openai', `${seed}3`)];
  const repo = newRepo();
  const files: Record<string, string> = {};
  for (const lang of Object.keys(LANGS))
    for (const n of [1, 2]) {
      const f = `${lang}${n}.${lang}`;
      files[f] = makeFile(lang, r, keys);
      fs.writeFileSync(path.join(repo, f), B(files[f]));
    }
  git(repo, ['add', '.']);
  const res = leakguard(['fix', '--yes'], repo);
  for (const k of keys) expect(res.out.includes(k)).toBe(false);
  expect(res.out).not.toMatch(/^\s+at .*\.(js|ts):\d+/m);
  for (const [f, orig] of Object.entries(files)) {
    const now = fs.readFileSync(path.join(repo, f)).toString('latin1');
    const staged = spawnSync('git', ['show', `:${f}`], { cwd: repo }).stdout.toString('latin1');
    if (now === orig) {
      expect({ f, staged: staged === orig }).toEqual({ f, staged: true });
      expect(res.out).toContain(f);
      continue;
    }
    expect({
      f,
      spanOnly: spanOnly(orig, now, keys),
      parses: parses(f, now),
      keyLeft: keys.some((k) => now.includes(k) || staged.includes(k)),
    }).toEqual({ f, spanOnly: true, parses: true, keyLeft: false });
  }
  if (res.code === 0)
    expect(spawnSync('git', ['grep', '--cached', '-F', '-e', keys[0], '-e', keys[1], '-e', keys[2]], { cwd: repo }).status).toBe(1);
});

(HAVE_PY ? test : test.skip)(`the Python files fix rewrote still parse${HAVE_PY ? '' : ' (skipped: no python3 >= 3.8)'}`, () => {
  expect(rewrittenPython.length).toBeGreaterThan(0);
  for (const { file, text } of rewrittenPython) {
    const ok = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.buffer.read())'], { input: B(text) }).status === 0;
    expect({ file, parses: ok }).toEqual({ file, parses: true });
  }
});
