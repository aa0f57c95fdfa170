/** The pure parts of `fix`: import placement, variable names, YAML and shell rewrites (no processes). */
import { ensureGoOs, ensurePythonOs } from '../src/fix/imports';
import { chooseNames, setsVar } from '../src/fix/env-names';
import { rewriteYaml } from '../src/fix/yaml';
import { rewriteShell } from '../src/fix/shell';
import { rewriteCode } from '../src/fix/code';
import { applyEdits } from '../src/fix/edits';

const K = 'sk-test-' + 'x'.repeat(30); // not a real key shape; the rewriters take any string
const K2 = 'sk-other-' + 'y'.repeat(30);
const apply = (text: string, r: ReturnType<typeof rewriteShell>) => ('refuse' in r ? null : applyEdits(text, r.edits));

test('import os goes after the shebang, coding line, docstring and __future__ imports', () => {
  const src =
    '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n"""Doc\nstring."""\n\nfrom __future__ import (\n    annotations,\n)\nimport sys\n';
  expect(ensurePythonOs(src)).toBe(
    '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n"""Doc\nstring."""\n\nfrom __future__ import (\n    annotations,\n)\nimport os\nimport sys\n',
  );
  expect(ensurePythonOs('x = 1\r\n')).toBe('import os\r\nx = 1\r\n');
  expect(ensurePythonOs('import sys, os\nx = 1\n')).toBe('import sys, os\nx = 1\n');
  expect(ensurePythonOs('\xef\xbb\xbfx = 1\n')).toBe('\xef\xbb\xbfimport os\nx = 1\n');
});

test('Go gets "os" in its import block, beside a single import, or after the package clause; an aliased os is refused', () => {
  expect(ensureGoOs('package main\n\nimport (\n\t"fmt"\n)\n')).toBe('package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n');
  expect(ensureGoOs('package main\n\nimport "fmt"\n')).toBe('package main\n\nimport "os"\nimport "fmt"\n');
  expect(ensureGoOs('package main\nvar x = 1\n')).toBe('package main\n\nimport "os"\nvar x = 1\n');
  expect(ensureGoOs('package main\nimport myos "os"\n')).toBeNull();
  expect(ensureGoOs('package main\nimport (\n\t"os"\n)\n')).toBe('package main\nimport (\n\t"os"\n)\n');
});

test('a shell script that sets the variable itself gets a new name, so later lines keep their values', () => {
  const sh = `export OPENAI_API_KEY="${K}"\necho "$OPENAI_API_KEY" "${K2}"\n`;
  expect(setsVar(sh, 'OPENAI_API_KEY', 'deploy.sh')).toBe(true);
  expect(setsVar('echo "$OPENAI_API_KEY"\n', 'OPENAI_API_KEY', 'x.sh')).toBe(false);
  const names = chooseNames(
    [
      { secret: K2, base: 'OPENAI_API_KEY', files: ['deploy.sh'] },
      { secret: K, base: 'OPENAI_API_KEY', files: ['deploy.sh'] },
    ],
    new Map([['OPENAI_API_KEY', K2]]),
    () => sh,
  );
  expect(names.get(K)).not.toBe('OPENAI_API_KEY');
  expect(names.get(K2)).not.toBe('OPENAI_API_KEY');
  expect(names.get(K)).not.toBe(names.get(K2));
  expect(
    apply(
      sh,
      rewriteShell(sh, [K, K2], (s) => names.get(s)!),
    ),
  ).toBe(`export OPENAI_API_KEY="\${${names.get(K)}}"\necho "$OPENAI_API_KEY" "\${${names.get(K2)}}"\n`);
});

test('shell: single quotes, bare words and here-documents; command substitutions are refused', () => {
  const v = () => 'V';
  expect(apply(`a='${K}'; b='x ${K} y'; c=${K}\n`, rewriteShell(`a='${K}'; b='x ${K} y'; c=${K}\n`, [K], v))).toBe(
    `a="\${V}"; b='x '"\${V}"' y'; c="\${V}"\n`,
  );
  expect(apply(`cat <<EOF\n${K}\nEOF\n`, rewriteShell(`cat <<EOF\n${K}\nEOF\n`, [K], v))).toBe('cat <<EOF\n${V}\nEOF\n');
  expect('refuse' in rewriteShell(`cat <<'EOF'\n${K}\nEOF\n`, [K], v)).toBe(true);
  expect('refuse' in rewriteShell(`x="$(echo ${K})"\n`, [K], v)).toBe(true);
});

test('YAML: flow mappings keep parsing; the data changes only where the key was', () => {
  const y = `a: {secret: '${K}', env: prod}\nb: ${K}\nc: "pre ${K2}"\n`;
  const r = rewriteYaml(y, [K, K2], (s) => (s === K ? 'A' : 'B'));
  expect(apply(y, r)).toBe(`a: {secret: '\${A}', env: prod}\nb: "\${A}"\nc: "pre \${B}"\n`);
  expect('refuse' in rewriteYaml(`${K}: 1\n${K}x: 2\n`, [K], () => 'A')).toBe(false);
});

test('code: every occurrence of every key, f-strings, bytes, template literals; constants are refused', () => {
  const js = `const a = ["${K}", '${K2}']; // ${K}\nconst b = \`Bearer \${t} ${K}\`;\nconst c = "${K}";\n`;
  const r = rewriteCode('a.js', 'js', js, [K, K2], (s) => (s === K ? 'A' : 'B'));
  expect(apply(js, r)).toBe(
    'const a = [process.env.A, process.env.B]; // A\nconst b = `Bearer ${t} ${process.env.A}`;\nconst c = process.env.A;\n',
  );
  const py = `H = {"k": f"${K}", "b": rb'${K}', "t": f"Bearer {x} ${K}"}\n`;
  expect(
    apply(
      py,
      rewriteCode('a.py', 'py', py, [K], () => 'A'),
    ),
  ).toBe(`H = {"k": os.environ["A"], "b": os.environ["A"].encode(), "t": f"Bearer {x} {os.environ['A']}"}\n`);
  expect('refuse' in rewriteCode('a.go', 'go', `package main\nconst k = "${K}"\n`, [K], () => 'A')).toBe(true);
  expect('refuse' in rewriteCode('a.js', 'js', `const k = tag\`${K}\`;\n`, [K], () => 'A')).toBe(true);
  expect('refuse' in rewriteCode('a.py', 'py', `x = "a %s ${K}" % 1\n`, [K], () => 'A')).toBe(true);
});
