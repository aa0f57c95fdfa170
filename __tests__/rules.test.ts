/**
 * Every rule's generated true positives are found by that rule, and its near misses by no rule.
 * The counts are printed so the accuracy can be read off the test run.
 */
import path from 'node:path';
import { readProviderFiles, compile } from '../scripts/compile-rules';
import { Engine } from '../src/engine/scan';
import type { Finding } from '../src/engine/finding';
import { expand } from '../scripts/fixtures/generate';
import { ROOT } from './support/cli';

const specs = readProviderFiles(path.join(ROOT, 'rules'));
const engine = new Engine(compile(specs).rules.rules);
const SEEDS = ['a', 'b', 'c', 'd', 'e'];
const genericIds = new Set(specs.flatMap((s) => s.rules.filter((r) => r.generic).map((r) => r.id)));

/** An example may span lines (a PEM header and its body): it is scanned as consecutive added lines. */
function scanLine(text: string): Finding[] {
  const out: Finding[] = [];
  const lines = text.split('\n');
  engine.scan({ file: 'fixture.txt', lines, lineNumbers: lines.map((_, i) => i + 1) }, (f) => out.push(f));
  return out;
}

/** A file-name rule's examples are paths: each is scanned as a binary file of that name (no lines). */
function scanPath(file: string): Finding[] {
  const out: Finding[] = [];
  engine.scan({ file, lines: [], lineNumbers: [] }, (f) => out.push(f));
  return out;
}

const totals = { tp: 0, tpFound: 0, fp: 0, fpQuiet: 0 };
afterAll(() => {
  console.log(`rule fixtures: ${totals.tpFound}/${totals.tp} true positives found, ${totals.fpQuiet}/${totals.fp} false positives quiet`);
});

for (const spec of specs) {
  describe(`${spec.provider} (${spec.slug}.yaml)`, () => {
    for (const rule of spec.rules) {
      test(`${rule.id}: has positive and negative examples`, () => {
        expect(rule.examples?.positive?.length).toBeGreaterThan(0);
        expect(rule.examples?.negative?.length).toBeGreaterThan(0);
      });
      for (const [i, t] of (rule.examples?.positive ?? []).entries()) {
        test(`${rule.id}: positive #${i + 1} is found`, () => {
          for (const seed of SEEDS) {
            const line = expand(t, `${rule.id}:${i}:${seed}`);
            const ids = (rule.fileName ? scanPath(line) : scanLine(line)).map((f) => f.ruleId);
            totals.tp++;
            if (ids.includes(rule.id)) totals.tpFound++;
            expect({ template: t, seed, ids }).toEqual({ template: t, seed, ids: expect.arrayContaining([rule.id]) });
          }
        });
      }
      for (const [i, t] of (rule.examples?.negative ?? []).entries()) {
        test(`${rule.id}: negative #${i + 1} is quiet`, () => {
          for (const seed of SEEDS) {
            const line = expand(t, `${rule.id}:n${i}:${seed}`);
            // A near miss of a provider's format may still be a high-entropy value in a secret-named
            // variable: the catch-all rule reporting it is right. Only this rule and other provider rules must stay quiet.
            const ids = (rule.fileName ? scanPath(line) : scanLine(line))
              .filter((f) => f.ruleId === rule.id || !genericIds.has(f.ruleId))
              .map((f) => f.ruleId);
            totals.fp++;
            if (!ids.length) totals.fpQuiet++;
            expect({ template: t, seed, ids }).toEqual({ template: t, seed, ids: [] });
          }
        });
      }
    }
  });
}

test('a rule example with an unknown template name fails instead of passing as text', () => {
  expect(() => expand('KEY={alnm:32}', 'typo')).toThrow(/unknown template \{alnm:32\}/);
  expect(expand('${DB_PASSWORD} {uuid}', 'literal').startsWith('${DB_PASSWORD} ')).toBe(true);
});
