/**
 * --format html renders in headless Chromium with no console errors; the screenshot is kept in
 * __tests__/artifacts/ for a person to look at. Skipped, saying so, where Chromium is not installed
 * (.ci/run installs Debian's chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { commitAll, leakguard, newRepo, write } from './support/cli';
import { fakeLine } from './support/keys';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const ARTIFACTS = path.join(__dirname, 'artifacts');

function auditRepo(): string {
  const r = newRepo();
  const plant: Array<[string, 'openai' | 'anthropic' | 'pinecone']> = [
    ['svc/a.env', 'openai'],
    ['svc/b.env', 'anthropic'],
    ['ops/c.env', 'pinecone'],
    ['svc/d.env', 'openai'],
  ];
  plant.forEach(([file, p], i) => {
    write(r, `n${i}.txt`, `${i}\n`);
    commitAll(r, `c${i}`);
    write(r, file, fakeLine(p, `html${i}`) + '\n');
    commitAll(r, `key ${i}`);
  });
  write(r, 'svc/read.ts', 'const k = process.env.OPENAI_API_KEY;\n');
  commitAll(r, 'reader');
  return r;
}

test('the HTML report is self-contained, groups by provider, and carries the playbook', () => {
  const r = auditRepo();
  const res = leakguard(['scan', '--all-history', '--format', 'html', '--output', 'report.html'], r);
  expect(res.code).toBe(1);
  const html = fs.readFileSync(path.join(r, 'report.html'), 'utf8');
  expect(html).not.toMatch(/<script|<link |src="http/);
  expect(html.indexOf('id="openai"')).toBeLessThan(html.indexOf('id="pinecone"'));
  expect(html).toContain('https://platform.openai.com/api-keys');
  expect(html).toContain('svc/read.ts');
  expect(html).toContain('class="timeline"');
  for (const p of ['openai', 'anthropic', 'pinecone'] as const)
    expect(html).not.toContain(fakeLine(p, 'html0').split('=').pop()!.replace(/"/g, ''));
});

(chromium ? test : test.skip)(
  `renders in headless Chromium with no console errors (screenshot in __tests__/artifacts)${chromium ? '' : ' (skipped: apt-get install chromium)'}`,
  () => {
    const r = auditRepo();
    leakguard(['scan', '--all-history', '--format', 'html', '--output', 'report.html'], r);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, 'html-report.png');
    fs.rmSync(shot, { force: true });
    const profile = fs.mkdtempSync(path.join(r, 'chrome-'));
    const run = spawnSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--enable-logging=stderr',
        '--v=0',
        '--window-size=1200,1400',
        `--screenshot=${shot}`,
        `file://${path.join(r, 'report.html')}`,
      ],
      { encoding: 'utf8', timeout: 60000 },
    );
    expect(run.stderr).not.toMatch(/CONSOLE\(\d+\)|Uncaught/);
    expect(fs.existsSync(shot)).toBe(true);
    expect(fs.statSync(shot).size).toBeGreaterThan(10000);
  },
);
