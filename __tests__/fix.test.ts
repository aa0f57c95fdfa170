/** `leakguard fix --yes` on staged TypeScript and Python files. */
import fs from 'node:fs';
import path from 'node:path';
import { commitAll, git, gitTry, leakguard, newRepo, write } from './support/cli';
import { fakeKey } from './support/keys';
import { pathWithLeakguard } from './support/path-bin';

test('moves the keys to .env, ignores .env, rewrites the code, and the commit then passes', () => {
  const r = newRepo();
  write(r, 'README.md', 'x\n');
  commitAll(r, 'init');
  expect(leakguard(['install'], r).code).toBe(0);
  const openai = fakeKey('openai', 'fix');
  const pine = fakeKey('pinecone', 'fix');
  write(r, 'src/client.ts', `import OpenAI from "openai";\nconst client = new OpenAI({ apiKey: "${openai}" });\n`);
  write(r, 'app.py', `from pinecone import Pinecone\npc = Pinecone(api_key='${pine}')\n`);
  git(r, ['add', '.']);
  const dry = leakguard(['fix'], r);
  expect(dry.code).toBe(1);
  expect(dry.out).toContain('Nothing was changed');
  expect(dry.out).not.toContain(openai);
  const res = leakguard(['fix', '--yes'], r);
  expect(res.code).toBe(0);
  expect(fs.readFileSync(path.join(r, 'src/client.ts'), 'utf8')).toContain('apiKey: process.env.OPENAI_API_KEY });');
  const py = fs.readFileSync(path.join(r, 'app.py'), 'utf8');
  expect(py).toContain('api_key=os.environ["PINECONE_API_KEY"]');
  expect(py.split('\n')[0]).toBe('import os');
  const env = fs.readFileSync(path.join(r, '.env'), 'utf8');
  expect(env).toContain(`OPENAI_API_KEY=${openai}`);
  expect(env).toContain(`PINECONE_API_KEY=${pine}`);
  expect(git(r, ['check-ignore', '.env']).trim()).toBe('.env');
  expect(gitTry(r, ['commit', '-qm', 'fixed'], pathWithLeakguard()).code).toBe(0);
  expect(git(r, ['show', 'HEAD:src/client.ts'])).not.toContain(openai);
});
