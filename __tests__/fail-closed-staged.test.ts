/**
 * Fail closed at the commit: content that git's text diff hides (NUL bytes, UTF-16, diff attributes,
 * core.bigFileThreshold, a global attributes file), binary formats with text inside, big files and
 * LFS look-alikes are all read and scanned through the real pre-commit hook.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { commitAll, git, gitTry, json, leakguard, newRepo, tempDir, write } from './support/cli';
import { fakeKey, fakeLine } from './support/keys';
import { pathWithLeakguard } from './support/path-bin';

const env = pathWithLeakguard();

function hooked(): string {
  const r = newRepo();
  write(r, 'README.md', '# test\n');
  commitAll(r, 'init');
  expect(leakguard(['install'], r).code).toBe(0);
  return r;
}

/** Stages `file` with `bytes` and commits through the hook; returns git's result and whether HEAD moved. */
function tryCommit(r: string, file: string, bytes: Buffer | string, extraEnv: NodeJS.ProcessEnv = {}) {
  fs.mkdirSync(path.dirname(path.join(r, file)), { recursive: true });
  fs.writeFileSync(path.join(r, file), bytes);
  git(r, ['add', '-f', '--', file], { env: { ...process.env, ...extraEnv } });
  const before = git(r, ['rev-parse', 'HEAD']).trim();
  const res = gitTry(r, ['commit', '-q', '-m', 'case'], { ...env, ...extraEnv });
  const moved = git(r, ['rev-parse', 'HEAD']).trim() !== before;
  return { ...res, moved };
}

const keyLine = (seed: string) => `${fakeLine('openai', seed)}\r\n`;
const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => utf16le(s).swap16();

describe('text that git calls binary is scanned at the commit', () => {
  test.each([
    ['a NUL byte before the key', () => Buffer.concat([Buffer.from('a\0b\n'), Buffer.from(keyLine('nul'))])],
    ['UTF-16LE with a byte-order mark', () => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(keyLine('le'))])],
    ['UTF-16BE with a byte-order mark', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(keyLine('be'))])],
    ['UTF-16LE without a byte-order mark', () => utf16le(`name = x\r\n${keyLine('lenobom')}`)],
    ['UTF-16BE without a byte-order mark', () => utf16be(`name = x\r\n${keyLine('benobom')}`)],
  ])('%s', (_name, bytes) => {
    const r = hooked();
    const res = tryCommit(r, 'settings.txt', bytes());
    expect(res.moved).toBe(false);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('settings.txt');
  });

  test.each(['-diff', 'binary', 'diff=nope'])('a file with the "%s" attribute', (attr) => {
    const r = hooked();
    git(r, ['config', 'diff.nope.binary', 'true']);
    write(r, '.gitattributes', `*.cfg ${attr}\n`);
    commitAll(r, 'attributes');
    expect(tryCommit(r, 'app.cfg', keyLine('attr')).moved).toBe(false);
  });

  test('core.bigFileThreshold set low in the repo config', () => {
    const r = hooked();
    git(r, ['config', 'core.bigFileThreshold', '100']);
    const text = Array.from({ length: 10 }, (_, i) => `const filler_${i} = ${i};\n`).join('') + keyLine('bft');
    expect(tryCommit(r, 'app.js', text).moved).toBe(false);
  });

  test('a global core.attributesFile marking *.js as binary', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'attributes'), '*.js -diff\n');
    fs.writeFileSync(path.join(dir, 'gitconfig'), `[core]\n\tattributesFile = ${path.join(dir, 'attributes')}\n`);
    const r = hooked();
    expect(tryCommit(r, 'app.js', keyLine('gattr'), { GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig') }).moved).toBe(false);
  });
});

describe('binary formats are read through their text', () => {
  /** Pages of binary noise with the key as a printable run, like a SQLite page or a .pyc constant. */
  function binaryWith(text: Buffer): Buffer {
    const noise = Buffer.alloc(20000);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    return Buffer.concat([Buffer.from('SQLite format 3\0'), noise, Buffer.from([0, 0]), text, Buffer.from([0, 1, 2]), noise]);
  }

  test('an ASCII key inside a binary file blocks, with its line counted from newline bytes', () => {
    const r = hooked();
    const res = leakguardStaged(r, 'app.db', binaryWith(Buffer.from(`KEY="${fakeKey('anthropic', 'db')}"`)));
    expect(res.code).toBe(1);
    expect(json(res).findings.map((f) => f.file)).toEqual(['app.db']);
  });

  test('a UTF-16 key inside a binary file (legacy Office, .NET) blocks', () => {
    const r = hooked();
    const res = leakguardStaged(r, 'report.doc', binaryWith(utf16le(`KEY="${fakeKey('openai', 'doc')}"`)));
    expect(res.code).toBe(1);
  });

  test('a binary file with no key passes', () => {
    const r = hooked();
    expect(leakguardStaged(r, 'image.bin', binaryWith(Buffer.from('just some label text'))).code).toBe(0);
  });

  test('binary files with odd names, and a renamed and changed binary file, are found under their names', () => {
    const r = hooked();
    fs.writeFileSync(path.join(r, 'old name.db'), binaryWith(Buffer.from('nothing here')));
    commitAll(r, 'db');
    git(r, ['mv', 'old name.db', 'new "name" ü.db']);
    fs.writeFileSync(path.join(r, 'new "name" ü.db'), binaryWith(Buffer.from(`KEY="${fakeKey('anthropic', 'renamed')}"`)));
    fs.mkdirSync(path.join(r, 'x and ', 'dev'), { recursive: true });
    fs.writeFileSync(path.join(r, 'x and ', 'dev', 'null'), binaryWith(Buffer.from(`KEY="${fakeKey('anthropic', 'devnull')}"`)));
    const res = leakguardStaged(r, 'tab\tname.bin', binaryWith(Buffer.from(`KEY="${fakeKey('openai', 'tabname')}"`)));
    expect(res.code).toBe(1);
    expect(
      json(res)
        .findings.map((f) => f.file)
        .sort(),
    ).toEqual(['new "name" ü.db', 'tab\tname.bin', 'x and /dev/null']);
  });

  test('a directory scan reads binary and UTF-16 files too', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.db'), binaryWith(Buffer.from(`KEY="${fakeKey('anthropic', 'dirdb')}"`)));
    fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(keyLine('dir16'))]));
    const res = leakguard(['scan', '.', '--format', 'json'], dir);
    expect(res.code).toBe(1);
    expect(
      json(res)
        .findings.map((f) => f.file)
        .sort(),
    ).toEqual(['a.db', 'b.txt']);
  });

  /** A minimal deflated ZIP, as Word writes a .docx (the reader needs no CRC). */
  function zip(files: Record<string, string>): Buffer {
    const locals: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const [name, text] of Object.entries(files)) {
      const data = zlib.deflateRawSync(Buffer.from(text));
      const n = Buffer.from(name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(text.length, 22);
      local.writeUInt16LE(n.length, 26);
      const dir = Buffer.alloc(46);
      dir.writeUInt32LE(0x02014b50, 0);
      dir.writeUInt16LE(8, 10);
      dir.writeUInt32LE(data.length, 20);
      dir.writeUInt32LE(text.length, 24);
      dir.writeUInt16LE(n.length, 28);
      dir.writeUInt32LE(offset, 42);
      locals.push(local, n, data);
      central.push(dir, n);
      offset += 30 + n.length + data.length;
    }
    const cd = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Object.keys(files).length, 8);
    end.writeUInt16LE(Object.keys(files).length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, cd, end]);
  }

  test('a key typed into an Office document (deflated XML in a ZIP) blocks', () => {
    const r = hooked();
    const doc = zip({
      '[Content_Types].xml': '<Types></Types>',
      'word/document.xml': `<w:document><w:body><w:p><w:r><w:t>ANTHROPIC_API_KEY=${fakeKey('anthropic', 'docx')}</w:t></w:r></w:p></w:body></w:document>`,
    });
    const res = leakguardStaged(r, 'notes.docx', doc);
    expect(res.code).toBe(1);
    expect(json(res).findings.map((f) => f.file)).toEqual(['notes.docx']);
    fs.rmSync(path.join(r, 'notes.docx'));
    expect(leakguardStaged(r, 'clean.docx', zip({ 'word/document.xml': '<w:t>hello</w:t>' })).code).toBe(0);
  });

  test('a key in a gzip file (a .tgz or .gz) blocks', () => {
    const r = hooked();
    const res = leakguardStaged(
      r,
      'backup.sql.gz',
      zlib.gzipSync(Buffer.from(`-- dump\nINSERT INTO keys VALUES ('${fakeKey('anthropic', 'gz')}');\n`)),
    );
    expect(res.code).toBe(1);
    expect(json(res).findings.map((f) => f.file)).toEqual(['backup.sql.gz']);
  });

  function leakguardStaged(r: string, file: string, bytes: Buffer) {
    fs.writeFileSync(path.join(r, file), bytes);
    git(r, ['add', '-A']);
    return leakguard(['scan', '--staged', '--format', 'json'], r);
  }
});

describe('big staged files are streamed, never skipped', () => {
  const big = (tail: string) => Buffer.concat([Buffer.alloc(6 * 1024 * 1024, 'abcdefghij'.repeat(9) + '\n'), Buffer.from(tail)]);

  test('a key at the very end of a 6 MiB file blocks', () => {
    const r = hooked();
    const res = tryCommit(r, 'data.txt', big(`${fakeLine('cohere', 'bigend')}\n`));
    expect(res.moved).toBe(false);
    expect(res.out).toContain('data.txt');
  });

  test('a clean 6 MiB file, and a 6 MiB file on one line, commit', () => {
    const r = hooked();
    expect(tryCommit(r, 'clean.txt', big('end\n')).moved).toBe(true);
    expect(tryCommit(r, 'one-line.min.js', Buffer.alloc(6 * 1024 * 1024, 'a;')).moved).toBe(true);
  });

  test('a key in the middle of a 6 MiB one-line file blocks', () => {
    const r = hooked();
    const half = Buffer.alloc(3 * 1024 * 1024, 'a;');
    const res = tryCommit(r, 'bundle.js', Buffer.concat([half, Buffer.from(`var k="${fakeKey('anthropic', 'oneline')}";`), half]));
    expect(res.moved).toBe(false);
  });
});

describe('Git LFS pointers', () => {
  const header = 'version https://git-lfs.github.com/spec/v1\n';

  test('a file that starts like a pointer but holds a key is scanned', () => {
    const r = hooked();
    expect(tryCommit(r, 'notes.txt', `${header}${fakeLine('openai', 'lfs')}\n`).moved).toBe(false);
  });

  test('a valid pointer passes with a note', () => {
    const r = hooked();
    fs.writeFileSync(path.join(r, 'model.bin'), `${header}oid sha256:${'ab'.repeat(32)}\nsize 123456\n`);
    git(r, ['add', 'model.bin']);
    const res = leakguard(['scan', '--staged', '--format', 'json'], r);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).notices).toEqual([expect.objectContaining({ file: 'model.bin' })]);
  });
});
