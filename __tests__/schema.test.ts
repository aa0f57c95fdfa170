/** schema/ is the one description of rules/*.yaml and the config: the rule files, the docs and the engine agree with it. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020';
import { checkProvider } from '../src/rules/validate';
import { CHECK_NAMES } from '../src/engine/check-names';
import { CHECKSUMS } from '../src/engine/checksums';

const ROOT = path.resolve(__dirname, '..');
const readJson = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(ROOT, ...p), 'utf8'));
const providerSchema = readJson('schema', 'provider.schema.json');
const configSchema = readJson('schema', 'config.schema.json');
const ruleFiles = fs.readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml'));
const specOf = (f: string) => YAML.parse(fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8'));

/** A reference validator compiled from the published files, independent of the one the build generates. */
function reference() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  ajv.addSchema(providerSchema, 'provider.schema.json').addSchema(configSchema, 'config.schema.json');
  return { provider: ajv.getSchema('provider.schema.json')!, config: ajv.getSchema('config.schema.json')! };
}

test('every rules/*.yaml fits the schema, by the generated validator and by a fresh ajv compile', () => {
  const ref = reference();
  expect(ruleFiles.length).toBeGreaterThan(100);
  const problems = ruleFiles.flatMap((f) => {
    const spec = specOf(f);
    return [...checkProvider(spec, f), ...(ref.provider(spec) ? [] : [`${f}: ${ajvText(ref.provider.errors)}`])];
  });
  expect(problems).toEqual([]);
});

const ajvText = (errors: unknown) => JSON.stringify(errors).slice(0, 300);

test('a broken rule file is refused naming the file and the field', () => {
  const spec = specOf('openai.yaml');
  spec.rules[1].severity = 'urgent';
  spec.verify.mehtod = 'GET';
  delete spec.playbook.revoke;
  expect(checkProvider(spec, 'openai.yaml')).toEqual([
    'openai.yaml: playbook.revoke: expected a sentence or two',
    'openai.yaml: verify.mehtod: unknown key (expected one of base, path, method, auth, headers, live, revoked)',
    'openai.yaml: rules[1].severity: expected one of critical, high, medium, low',
  ]);
  expect(reference().provider(spec)).toBe(false);
});

test('the generated config validator and the reference agree on valid and invalid configs', () => {
  const { validateConfig } = require('../src/config/validate') as typeof import('../src/config/validate');
  const ref = reference();
  const cases: unknown[] = [
    {},
    { $schema: 'x', builtinRules: false, entropy: { '*': 3 } },
    { nope: 1 },
    { allow: [{ rule: '*' }] },
    { rules: [{ id: 'a', title: 't', severity: 'low', keywords: ['k'], pattern: 'k[0-9]{4}', slug: 'x' }] },
    { rules: [{ id: 'a', title: 't', severity: 'low', keywords: ['k'], pattern: 'k[0-9]{4}', provider: 'P' }] },
  ];
  for (const c of cases) expect({ c, ok: validateConfig(c).length === 0 }).toEqual({ c, ok: ref.config(c) });
});

test('the schema names exactly the checks and checksums the engine has', () => {
  const fields = providerSchema.$defs.RuleFields.properties;
  expect([...fields.check.enum].sort()).toEqual([...CHECK_NAMES].sort());
  expect([...fields.checksum.enum].sort()).toEqual(Object.keys(CHECKSUMS).sort());
});

test('docs/config.md describes every config key and says how to point an editor at the schema', () => {
  const md = fs.readFileSync(path.join(ROOT, 'docs', 'config.md'), 'utf8');
  for (const key of Object.keys(configSchema.properties))
    expect({ key, documented: md.includes(`\`${key}\``) }).toEqual({ key, documented: true });
  expect(md).toContain('schema/config.schema.json');
  expect(md).toContain('schema/provider.schema.json');
});

test('the schema files ship with the package and refer to each other by relative paths (editors resolve them)', () => {
  expect(readJson('package.json').files).toContain('schema');
  expect(configSchema.properties.rules.items.$ref).toBe('provider.schema.json#/$defs/CustomRule');
  expect(configSchema.$id).toBeUndefined();
});
