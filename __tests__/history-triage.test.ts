/**
 * A history audit in two passes (sources/history-triage.ts: a raw walk and one cat-file pick the commits
 * worth reading, then only those are read as patches) reports exactly what reading every commit as a patch
 * reports (LEAKGUARD_HISTORY=patches, the reference): the same findings, commits and order, the same
 * suppressed counts and notices. One small real repository per case, each built to reach one way a key
 * can enter history; each case also says what must be found, so that two empty reports never pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expand } from '../scripts/fixtures/generate';
import { commitAll, git, leakguard, newRepo, tempDir, twoCommits, write, type Run } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';

type Finding = { ruleId: string; file: string; commit: string; line: number; column: number };
interface Report {
  findings: Finding[];
  suppressed: Record<string, number>;
  notices: unknown[];
}

const parse = (r: Run, ignore: string[] = []): Report => {
  const { findings, suppressed, notices } = JSON.parse(r.stdout) as Report;
  const drop = (f: Finding) => Object.fromEntries(Object.entries(f).filter(([k]) => !ignore.includes(k))) as Finding;
  return { findings: findings.map(drop), suppressed, notices };
};
const head = (r: string) => git(r, ['rev-parse', 'HEAD']).trim();
const commitMsg = (r: string, msg: string, env: NodeJS.ProcessEnv = {}) => {
  git(r, ['add', '-A']);
  git(r, ['commit', '-q', '--no-verify', '--allow-empty', '-m', msg], { env: { ...process.env, ...env } });
};
const pem = (seed: string) =>
  expand('-----BEGIN RSA PRIVATE KEY-----\n{b64:64}\n{b64:64}\n{b64:64}\n{b64:20}\n-----END RSA PRIVATE KEY-----\n', `pem:${seed}`);
const wrap = (s: string, n: number) => s.match(new RegExp(`.{1,${n}}`, 'g'))!;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
/** A commit object written as given (odd headers, a NUL, another encoding), made the tip of main. */
function literalCommit(r: string, body: (tree: string, parent: string) => Buffer): void {
  const tree = git(r, ['rev-parse', 'HEAD^{tree}']).trim();
  const c = git(r, ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { input: body(tree, head(r)) }).trim();
  git(r, ['update-ref', 'refs/heads/main', c]);
}
const header = (tree: string, parent: string, author = 't <t@e>') =>
  `tree ${tree}\nparent ${parent}\nauthor ${author} 1700000000 +0000\ncommitter t <t@e> 1700000000 +0000\n`;
/** Two branches that change line 1 of cfg.txt differently; the merge stops at the conflict. */
function conflict(r: string, ours: string, theirs: string): void {
  write(r, 'cfg.txt', 'x=1\ny=2\n');
  commitAll(r, 'base');
  git(r, ['checkout', '-q', '-b', 'side']);
  write(r, 'cfg.txt', `${theirs}\ny=2\n`);
  commitAll(r, 'side');
  git(r, ['checkout', '-q', 'main']);
  write(r, 'cfg.txt', `${ours}\ny=2\n`);
  commitAll(r, 'main change');
  expect(() => git(r, ['merge', '-q', 'side'])).toThrow();
}

interface Case {
  /** Builds the history; returns the scan's extra arguments (a range), if any. */
  build: (r: string) => string[] | void;
  /** Rule ids that must be among the findings (at least one finding in all). */
  rules?: string[];
  /** Further checks of the (identical) findings. */
  check?: (f: Finding[], r: string) => void;
  /** Finding fields left out of the comparison. */
  ignore?: string[];
}

const OPENAI = 'openai-project-key';
/** A line over 1 MB (read in pieces) with a key near its end. */
const LONG = `var a = "${'Ab1/'.repeat(300000)}"; ${fakeLine('openai', 'long')}\nvar b = 1;\n`;
const CASES: Record<string, Case> = {
  'key added, then the file modified several times': {
    build: (r) => {
      write(r, 'a.env', `${fakeLine('openai', 'mod')}\nN=0\n`);
      commitAll(r, 'add');
      for (let i = 1; i <= 4; i++) {
        write(r, 'a.env', `${fakeLine('openai', 'mod')}\nN=${i}\n`);
        commitAll(r, `bump ${i}`);
      }
    },
    rules: [OPENAI],
    check: (f, r) => {
      expect(f).toHaveLength(1);
      expect(f[0].commit).toBe(git(r, ['rev-list', '--max-parents=0', 'HEAD']).trim());
    },
  },
  'key deleted, then re-added by a revert': {
    build: (r) => {
      write(r, 'a.env', `A=1\n${fakeLine('anthropic', 'rev')}\n`);
      commitAll(r, 'add');
      write(r, 'a.env', 'A=1\n');
      commitAll(r, 'remove');
      git(r, ['revert', '--no-edit', 'HEAD']);
    },
    check: (f) => expect(new Set(f.map((x) => x.commit)).size).toBe(2),
  },
  'the same key file copied to a second path later': {
    build: (r) => {
      write(r, 'a.env', `${fakeLine('pinecone', 'cp')}\n`);
      commitAll(r, 'add');
      write(r, 'b.txt', 'b\n');
      commitAll(r, 'other');
      fs.copyFileSync(path.join(r, 'a.env'), path.join(r, 'copy-a.env.bak'));
      commitAll(r, 'copy');
    },
    check: (f) => expect(f.map((x) => x.file).sort()).toEqual(['a.env', 'copy-a.env.bak']),
  },
  'a merge whose conflict resolution writes a key': {
    build: (r) => {
      conflict(r, 'x=3', 'x=2');
      write(r, 'cfg.txt', `${fakeLine('openai', 'merge')}\ny=2\n`);
      commitMsg(r, 'merge');
    },
    rules: [OPENAI],
    check: (f, r) => expect(f.map((x) => x.commit)).toEqual([head(r)]),
  },
  'a merge that takes a key from one side': {
    build: (r) => {
      conflict(r, 'x=3', fakeLine('openai', 'side'));
      git(r, ['checkout', '--theirs', 'cfg.txt']);
      commitMsg(r, 'merge');
    },
    rules: [OPENAI],
    check: (f, r) => expect(f.map((x) => x.commit)).toEqual([git(r, ['rev-parse', 'side']).trim()]),
  },
  'a clean merge, an evil merge adding a file, and an octopus': {
    build: (r) => {
      write(r, 'base.txt', 'base\n');
      commitAll(r, 'base');
      for (const b of ['b1', 'b2', 'b3']) {
        git(r, ['checkout', '-q', '-b', b, 'main']);
        write(r, `${b}.env`, `${fakeLine('cohere', b)}\n`);
        commitAll(r, b);
      }
      git(r, ['checkout', '-q', 'main']);
      git(r, ['merge', '-q', '--no-ff', '--no-commit', 'b1']);
      write(r, 'evil.env', `${fakeLine('anthropic', 'evil')}\n`);
      commitMsg(r, 'merge b1');
      git(r, ['merge', '-q', '--no-ff', '-m', 'octopus', 'b2', 'b3']);
    },
    check: (f) => expect(f.map((x) => x.file).sort()).toEqual(['b1.env', 'b2.env', 'b3.env', 'evil.env']),
  },
  'a key in a commit message': {
    build: (r) => {
      write(r, 'a.txt', 'a\n');
      commitMsg(r, `fix deploy\n\nused ${fakeLine('anthropic', 'msg')} for the test`);
      write(r, 'a.txt', 'b\n');
      commitAll(r, 'clean');
    },
    check: (f) => expect(f).toHaveLength(1),
  },
  'a key in an author name': {
    build: (r) => {
      write(r, 'a.txt', 'a\n');
      commitMsg(r, 'who', { GIT_AUTHOR_NAME: fakeKey('anthropic', 'author') });
    },
  },
  'odd commit objects: an extra header, a message after a NUL, a UTF-16 message': {
    build: (r) => {
      write(r, 'a.txt', 'a\n');
      commitAll(r, 'init');
      literalCommit(r, (t, p) => Buffer.from(`${header(t, p)}x-token ${fakeKey('anthropic', 'hdr')}\n\nfix\n`));
      literalCommit(r, (t, p) => Buffer.concat([Buffer.from(`${header(t, p)}\nfix\n\0`), Buffer.from(`${fakeLine('openai', 'nul')}\n`)]));
      literalCommit(r, (t, p) =>
        Buffer.concat([Buffer.from(`${header(t, p)}encoding UTF-16LE\n\n`), Buffer.from(`${fakeLine('pinecone', 'u16')}\n`, 'utf16le')]),
      );
    },
    check: (f) => expect(f.length).toBeGreaterThanOrEqual(3),
  },
  'UTF-16 files, with and without a byte-order mark': {
    build: (r) => {
      write(r, 'a.txt', 'a\n');
      commitAll(r, 'init');
      fs.writeFileSync(path.join(r, 'bom.txt'), Buffer.from(`\ufeffA=1\n${fakeLine('openai', 'bom')}\n`, 'utf16le'));
      commitAll(r, 'bom');
      fs.writeFileSync(path.join(r, 'nobom.txt'), Buffer.from(`A=1\n${fakeLine('anthropic', 'nobom')}\n`, 'utf16le'));
      commitAll(r, 'no bom');
    },
    check: (f) => expect(f.map((x) => x.file).sort()).toEqual(['bom.txt', 'nobom.txt']),
  },
  'a binary file (NUL bytes), a text file marked binary, a gzip file': {
    build: (r) => {
      write(r, '.gitattributes', '*.dat binary\n');
      commitAll(r, 'attrs');
      fs.writeFileSync(
        path.join(r, 'blob.bin'),
        Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`\n${fakeLine('openai', 'bin')}\n`)]),
      );
      commitAll(r, 'binary');
      write(r, 'plain.dat', `${fakeLine('anthropic', 'dat')}\n`);
      commitAll(r, 'marked binary');
      fs.writeFileSync(path.join(r, 'env.gz'), gzipSync(`A=1\n${fakeLine('pinecone', 'gz')}\n`));
      commitAll(r, 'gzip');
    },
    check: (f) => expect(new Set(f.map((x) => x.file))).toEqual(new Set(['blob.bin', 'plain.dat', 'env.gz'])),
  },
  'a symlink whose target holds a key, and a submodule gitlink': {
    build: (r) => {
      write(r, 'a.txt', 'a\n');
      commitAll(r, 'init');
      fs.symlinkSync(fakeLine('pinecone', 'link'), path.join(r, 'link'));
      commitAll(r, 'link');
      git(r, ['update-index', '--add', '--cacheinfo', `160000,${head(r)},vendor/sub`]);
      git(r, ['commit', '-q', '--no-verify', '-m', 'submodule']);
    },
    check: (f) => expect(f.map((x) => x.file)).toContain('link'),
  },
  'file-name rules: an id_rsa with a PEM body, a .p12, then both deleted': {
    build: (r) => {
      write(r, '.ssh/id_rsa', pem('idrsa'));
      fs.writeFileSync(path.join(r, 'store.p12'), Buffer.from([0x30, 0x82, 0, 0, 0, 1, 2, 3]));
      commitAll(r, 'keys');
      write(r, 'a.txt', 'a\n');
      commitAll(r, 'other');
      git(r, ['rm', '-q', '.ssh/id_rsa', 'store.p12']);
      commitAll(r, 'remove');
    },
    rules: ['pkcs12-key-store'],
    check: (f) => expect(f.map((x) => x.file)).toContain('.ssh/id_rsa'),
  },
  'keys in path names (ASCII, UTF-8 and Latin-1 bytes)': {
    build: (r) => {
      write(r, `config/${fakeKey('openai', 'path')}.json`, '{}\n');
      commitAll(r, 'path');
      write(r, `données-${fakeKey('anthropic', 'utf8path')}.txt`, 'x\n');
      commitAll(r, 'utf8 path');
      fs.writeFileSync(Buffer.from([...Buffer.from(`${r}/caf`), 0xe9, ...Buffer.from(`-${fakeKey('pinecone', 'l1')}.txt`)]), 'x\n');
      commitAll(r, 'latin1 path');
    },
    check: (f) => expect(f.length).toBeGreaterThanOrEqual(3),
  },
  'wrapped base64 (k8s Secret) whose lines arrive over several commits': {
    build: (r) => {
      const lines = wrap(b64(pem('k8s')), 76).map((l) => `    ${l}`);
      const doc = (n: number) => ['apiVersion: v1', 'kind: Secret', 'data:', '  tls.key: |', ...lines.slice(0, n)].join('\n') + '\n';
      write(r, 'secret.yaml', doc(2));
      commitAll(r, 'first lines');
      write(r, 'secret.yaml', doc(4));
      commitAll(r, 'more lines');
      write(r, 'secret.yaml', doc(lines.length));
      commitAll(r, 'the rest');
      const changed = [...lines];
      changed[3] = `    ${wrap(b64(pem('k8s2')), 76)[3]}`;
      write(r, 'secret.yaml', ['apiVersion: v1', 'kind: Secret', 'data:', '  tls.key: |', ...changed].join('\n') + '\n');
      commitAll(r, 'one middle line');
    },
  },
  'encodings: percent-encoded, \\n escapes in one JSON string, character escapes': {
    build: (r) => {
      const pct = [...Buffer.from(fakeKey('openai', 'pct'))].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
      write(r, 'url.txt', `callback=https://example.com/cb?key=${pct}\n`);
      commitAll(r, 'percent');
      write(r, 'cfg.json', `{"key": "${pem('json').trimEnd().split('\n').join('\\n')}\\n"}\n`);
      commitAll(r, 'pem in json');
      write(r, 'b64.json', `{\n  "data": "${wrap(b64(`${fakeLine('anthropic', 'jb')}\n`), 64).join('\\n')}",\n  "n": 1\n}\n`);
      commitAll(r, 'base64 in json');
      const esc = [...fakeKey('pinecone', 'esc')].map((c) => '\\u00' + c.charCodeAt(0).toString(16)).join('');
      write(r, 'esc.js', `const k = "${esc}";\n`);
      commitAll(r, 'escapes');
    },
    check: (f) => expect(new Set(f.map((x) => x.file))).toEqual(new Set(['url.txt', 'cfg.json', 'b64.json', 'esc.js'])),
  },
  'a line over 1 MB holding a key': {
    build: (r) => {
      write(r, 'a.txt', 'a\n');
      commitAll(r, 'init');
      write(r, 'big.js', LONG);
      commitAll(r, 'long');
      write(r, 'big.js', `${LONG}var c = 2;\n`);
      commitAll(r, 'edit');
    },
    check: (f, r) => expect(f.map((x) => [x.file, x.commit])).toEqual([['big.js', git(r, ['rev-parse', 'HEAD~1']).trim()]]),
  },
  'quoted-printable with a key cut by a soft break': {
    build: (r) => {
      const line = `X-Key: ${fakeLine('anthropic', 'qp').replace(/=/g, '=3D')}`;
      write(r, 'mail.eml', `Subject: hi\n\n${wrap(line, 40).join('=\n')}\n`);
      commitAll(r, 'qp');
    },
    check: (f) => expect(f.map((x) => x.file)).toEqual(['mail.eml']),
  },
  'CRLF files, edited': {
    build: (r) => {
      write(r, 'win.env', `A=1\r\n${fakeLine('pinecone', 'crlf')}\r\nB=2\r\n`);
      commitAll(r, 'crlf');
      write(r, 'win.env', `A=2\r\n${fakeLine('pinecone', 'crlf')}\r\nB=2\r\n${fakeLine('openai', 'crlf2')}\r\n`);
      commitAll(r, 'edit');
    },
    check: (f) => expect(f).toHaveLength(2),
  },
  'an inline-allowed key and a fingerprint in .leakguardignore': {
    build: (r) => {
      write(r, 'a.env', `${fakeLine('openai', 'allowed')} # leakguard:allow test fixture\n${fakeLine('pinecone', 'kept')}\n`);
      commitAll(r, 'allowed');
      const fp = parse(leakguard(['scan', '--all-history', '--format', 'json'], r)).findings[0] as unknown as { fingerprint: string };
      write(r, '.leakguardignore', `${fp.fingerprint}\n`);
      write(r, 'b.env', `${fakeLine('anthropic', 'other')}\n`);
      commitAll(r, 'ignore');
    },
    rules: ['anthropic-api-key'],
    check: (f) => expect(f).toHaveLength(1),
  },
  'config ignorePaths': {
    build: (r) => {
      write(r, '.leakguard.json', JSON.stringify({ ignorePaths: ['fixtures/**'] }));
      write(r, 'fixtures/a.env', `${fakeLine('openai', 'ign')}\n`);
      write(r, 'src/b.env', `${fakeLine('cohere', 'kept')}\n`);
      commitAll(r, 'both');
    },
    check: (f) => expect(f.map((x) => x.file)).toEqual(['src/b.env']),
  },
  '--range A..B': {
    build: (r) => {
      write(r, 'a.env', `${fakeLine('openai', 'before')}\n`);
      commitAll(r, 'before the range');
      const a = head(r);
      write(r, 'b.env', `${fakeLine('anthropic', 'in')}\n`);
      commitAll(r, 'in the range');
      write(r, 'c.txt', 'c\n');
      commitMsg(r, `msg ${fakeLine('pinecone', 'inmsg')}`);
      return ['--range', `${a}..HEAD`];
    },
    check: (f) => expect(f.map((x) => x.ruleId)).not.toContain(OPENAI),
  },
  'type changes (file to symlink to file), a mode change, a UTF-8 BOM, Latin-1 bytes': {
    build: (r) => {
      write(r, 't.env', `${fakeLine('openai', 'tc')}\n`);
      commitAll(r, 'file');
      fs.rmSync(path.join(r, 't.env'));
      fs.symlinkSync(fakeLine('pinecone', 'tc'), path.join(r, 't.env'));
      commitAll(r, 'now a symlink');
      fs.rmSync(path.join(r, 't.env'));
      write(r, 't.env', `${fakeLine('openai', 'tc')}\n`);
      commitAll(r, 'a file again');
      fs.chmodSync(path.join(r, 't.env'), 0o755);
      commitAll(r, 'executable');
      write(r, 'bom.env', `\ufeff${fakeLine('anthropic', 'bom8')}\nB=1\n`);
      fs.writeFileSync(
        path.join(r, 'l1.env'),
        Buffer.concat([Buffer.from('A=caf\xe9\xa0', 'latin1'), Buffer.from(`\n${fakeLine('cohere', 'l1')}\xa0\n`, 'latin1')]),
      );
      commitAll(r, 'bom and latin-1');
    },
    check: (f) => expect(new Set(f.map((x) => x.file))).toEqual(new Set(['t.env', 'bom.env', 'l1.env'])),
  },
  'messages with CR line ends, trailing blanks and a key cut over lines': {
    build: (r) => {
      write(r, 'a.txt', 'a\n');
      commitAll(r, 'init');
      const msg = `subject\r\n\r\nbody ${fakeLine('openai', 'crmsg')}\r\nmore   \r\n${pem('msg')}`;
      fs.writeFileSync(path.join(r, 'msg.txt'), msg);
      git(r, ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', 'msg.txt']);
      fs.rmSync(path.join(r, 'msg.txt'));
    },
    rules: [OPENAI, 'private-key'],
  },
  'objects git hides: replace refs and a partial clone': {
    build: (r) => {
      const src = newRepo();
      write(src, 'a.env', `${fakeLine('openai', 'pc')}\n`);
      commitAll(src, 'one');
      write(src, 'b.txt', 'b\n');
      commitAll(src, 'two');
      git(src, ['config', 'uploadpack.allowFilter', 'true']);
      git(tempDir(), ['clone', '-q', '--filter=blob:none', '--no-checkout', `file://${src}`, r]);
      const c = git(r, ['rev-parse', 'HEAD']).trim();
      const tree = git(r, ['rev-parse', 'HEAD^{tree}']).trim();
      const fake = git(r, ['hash-object', '-t', 'commit', '-w', '--stdin'], {
        input: `tree ${tree}\nauthor t <t@e> 1700000000 +0000\ncommitter t <t@e> 1700000000 +0000\n\n${fakeLine('anthropic', 'repl')}\n`,
      }).trim();
      git(r, ['replace', c, fake]);
    },
    // The replacement is reached as the tip of refs/replace/* (--all), never in place of the original.
    check: (f) => expect(f.map((x) => x.ruleId).sort()).toEqual(['anthropic-api-key', OPENAI, OPENAI]),
  },
  'paths git quotes (space, tab, quote, backslash, newline) and lock files where catch-all rules are off': {
    build: (r) => {
      const generic = (seed: string) => expand('const API_SECRET = "{alnum:32}";\n', `generic:${seed}`);
      for (const [i, p] of ['with space/a b.env', 'tab\tname.env', 'quo"te.env', 'back\\slash.env', 'new\nline.env', '"lead.env'].entries())
        write(r, p, `${fakeLine('openai', `q${i}`)}\n${generic(`q${i}`)}`);
      write(r, 'with space/package-lock.json', generic('lock'));
      write(r, 'tab\tdir/yarn.lock', generic('lock2'));
      write(r, 'dist/app.min.js', generic('min'));
      commitAll(r, 'odd paths');
    },
    rules: [OPENAI, 'generic-secret-assignment'],
    check: (f) => expect(f.map((x) => x.file)).not.toEqual(expect.arrayContaining(['with space/package-lock.json'])),
  },
  'a custom rule from the config, plain and in wrapped base64': {
    build: (r) => {
      const rule = { id: 'acme-token', title: 'Acme token', severity: 'high', keywords: ['acmetok_'], pattern: 'acmetok_[a-z0-9]{32}' };
      write(r, '.leakguard.json', JSON.stringify({ rules: [rule] }));
      commitAll(r, 'config');
      const tok = (seed: string) => expand('acmetok_{lower:16}{digits:16}', `acme:${seed}`);
      write(r, 'a.txt', `t = ${tok('plain')}\n`);
      commitAll(r, 'plain');
      write(
        r,
        'b.yaml',
        `data:\n  t: |\n${wrap(b64(`# x\nACME=${tok('b64')}\n`), 20)
          .map((l) => `    ${l}`)
          .join('\n')}\n`,
      );
      commitAll(r, 'wrapped');
    },
    check: (f) =>
      expect(f.map((x) => [x.ruleId, x.file]).sort()).toEqual([
        ['acme-token', 'a.txt'],
        ['acme-token', 'b.yaml'],
      ]),
  },
  'a shallow clone (the boundary commit shows every file as added)': {
    build: (r) => {
      const src = newRepo();
      write(src, 'a.env', `${fakeLine('openai', 'sh1')}\n`);
      commitAll(src, 'one');
      write(src, 'b.env', `${fakeLine('anthropic', 'sh2')}\n`);
      commitAll(src, 'two');
      write(src, 'c.txt', 'c\n');
      commitAll(src, 'three');
      git(tempDir(), ['clone', '-q', '--depth', '2', `file://${src}`, r]);
    },
    check: (f) => expect(f.map((x) => x.file).sort()).toEqual(['a.env', 'b.env']),
  },
};

/** Runs both readers on the repository, expects the same report and returns the reference's findings. */
function bothReaders(r: string, extra: string[] = [], ignore: string[] = []): Finding[] {
  const args = extra.length ? ['scan', ...extra, '--format', 'json'] : ['scan', '--all-history', '--format', 'json'];
  const twoPass = leakguard(args, r);
  const reference = leakguard(args, r, { env: { LEAKGUARD_HISTORY: 'patches' } });
  const said = (x: Run) => x.stderr.replace(/\(\d+(?:\.\d+)? m?s\)/g, '(time)');
  expect(said(twoPass)).toBe(said(reference));
  expect(twoPass.code).toBe(reference.code);
  expect(parse(twoPass, ignore)).toEqual(parse(reference, ignore));
  return parse(reference).findings;
}

describe.each(Object.keys(CASES))('two-pass history audit = every patch: %s', (name) => {
  test('same findings, order, suppressed counts and notices', () => {
    const c = CASES[name];
    const cloned = name.startsWith('a shallow clone') || name.startsWith('objects git hides');
    const r = cloned ? path.join(tempDir(), 'clone') : newRepo();
    const findings = bothReaders(r, c.build(r) ?? [], c.ignore);
    expect(findings.length).toBeGreaterThan(0);
    if (c.rules) expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(c.rules));
    c.check?.(findings, r);
  });
});

/**
 * Lines that are in the blob but not in the patch can veto or spoil a finding (the engine's findings are not
 * monotone in the lines it is given), so a blob with nothing found in it whole can still have a patch that
 * reports a key. The first pass reads such a patch when part of the blob could be read otherwise than the
 * whole (engine/across-lines.ts). Each test builds: commit 1 with the context, commit 2 adding only the key lines.
 */
describe('lines around the added ones change what the engine finds: the patch is still read', () => {
  test('a PEM body added under an existing header, above a "..." line (der-body: the header above vetoes)', () => {
    const body = expand('MIIEpAIBAAKCAQEA{b64:48}\n{b64:64}\n{b64:64}\n{b64:64}', 'derbody');
    const r = twoCommits(
      'key.pem',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n',
      `-----BEGIN RSA PRIVATE KEY-----\n${body}\n...\n-----END RSA PRIVATE KEY-----\n`,
    );
    expect(bothReaders(r).map((f) => f.ruleId)).toEqual(['private-key-body']);
  });
  test('wrapped base64 lines added under a line that ends in base64 (the run starts there, misaligned)', () => {
    const first = 'note: ABCDEFGHIJKLMNOPQR';
    const r = twoCommits('data.yaml', `${first}\n`, [first, ...wrap(b64(`${fakeLine('anthropic', 'mis')}\n`), 76)].join('\n') + '\n');
    expect(bothReaders(r).map((f) => f.ruleId)).toEqual(['anthropic-api-key']);
  });
  test('string pieces of a key added under a piece ending in a letter (the joined key loses its boundary)', () => {
    const k = fakeKey('anthropic', 'pc');
    const head = 'const k =\n  "abcdefgh" +\n';
    const r = twoCommits('a.js', `${head}  "x";\n`, `${head}  "${k.slice(0, 50)}" +\n  "${k.slice(50)}";\n`);
    expect(bothReaders(r).map((f) => f.ruleId)).toEqual(['anthropic-api-key']);
  });
});

// A line over 1 MB is read in pieces; a key's column still counts from the start of the line (Fragment.columnOffsets),
// whatever git's output chunks were, in both readers.
test('a key on a line over 1 MB is reported at its real column in a history audit', () => {
  const r = newRepo();
  write(r, 'big.js', LONG);
  commitAll(r, 'long');
  const column = LONG.indexOf(fakeKey('openai', 'long')) + 1;
  for (const env of [{}, { LEAKGUARD_HISTORY: 'patches' }])
    expect(parse(leakguard(['scan', '--all-history', '--format', 'json'], r, { env })).findings.map((f) => f.column)).toEqual([column]);
});
