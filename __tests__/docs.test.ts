/** docs/providers is generated from rules/: this fails when someone edited one without the other. */
import fs from 'node:fs';
import path from 'node:path';
import { allPages } from '../scripts/provider-docs';
import { ROOT } from './support/cli';

test('docs/providers is up to date with rules/ (run `npm run docs`)', () => {
  const dir = path.join(ROOT, 'docs', 'providers');
  const pages = allPages(ROOT);
  const onDisk = fs.readdirSync(dir).sort();
  expect(onDisk).toEqual([...pages.keys()].sort());
  for (const [name, text] of pages) expect({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }).toEqual({ name, text });
});
