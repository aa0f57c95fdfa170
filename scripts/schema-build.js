/**
 * Build step, before tsc: schema/*.schema.json (the one description of .leakguard.json and rules/*.yaml)
 * -> dist/schema/<name>-validator.js, validators that need neither ajv nor a schema compile at run time
 *    (the config is checked on every commit), and
 * -> src/config/schema-types.ts, the TypeScript types of both files (not in git: made from the schema).
 * Plain JavaScript because it runs before the TypeScript is compiled.
 */
const fs = require('node:fs');
const path = require('node:path');
const { schemaTypes } = require('./schema-types');

const ROOT = path.resolve(__dirname, '..');
const SCHEMAS = ['provider', 'config'];

function readSchemas() {
  return Object.fromEntries(SCHEMAS.map((n) => [n, JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', `${n}.schema.json`), 'utf8'))]));
}

/**
 * The validators to generate: a name, the schema (file#pointer) it checks. A config's custom rules get one of
 * their own, loaded only for a config that has custom rules, so every other config's commit compiles a third
 * of the code; the config validator checks the rest and leaves each rule's inside to it.
 */
const TARGETS = [
  ['provider', 'provider.schema.json'],
  ['config', 'config.schema.json'],
  ['custom-rule', 'provider.schema.json#/$defs/CustomRule'],
];

/**
 * One standalone module a target. unicode: false counts string lengths with .length and messages: false
 * leaves out ajv's English: both keep the code free of require()s into ajv, which is only a dev dependency.
 */
function validators(schemas) {
  const Ajv2020 = require('ajv/dist/2020').default;
  const standalone = require('ajv/dist/standalone').default;
  // ajv calls unicode: false deprecated, yet it is what keeps ucs2length (a require) out of the code.
  const logger = { log() {}, warn: (m) => /option unicode/.test(m) || console.warn(m), error: console.error };
  const options = { allErrors: true, unicode: false, messages: false, strict: true, strictRequired: false, logger };
  const ajv = new Ajv2020({ ...options, code: { source: true } });
  const config = JSON.parse(JSON.stringify(schemas.config));
  config.properties.rules.items = { type: 'object' };
  ajv.addSchema(schemas.provider, 'provider.schema.json').addSchema(config, 'config.schema.json');
  new Ajv2020(options).addSchema(schemas.provider, 'provider.schema.json').compile(schemas.config); // the published file compiles too
  return Object.fromEntries(
    TARGETS.map(([name, ref]) => {
      const code = standalone(ajv, ajv.getSchema(ref));
      if (/require\(/.test(code)) throw new Error(`the ${name} validator would need ajv at run time`);
      return [name, code];
    }),
  );
}

/** Writes the file only when its text changes, so an unchanged schema does not make tsc redo its work. */
function writeIfChanged(file, text) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

if (require.main === module) {
  try {
    const schemas = readSchemas();
    for (const [name, code] of Object.entries(validators(schemas)))
      writeIfChanged(path.join(ROOT, 'dist', 'schema', `${name}-validator.js`), code);
    writeIfChanged(path.join(ROOT, 'src', 'config', 'schema-types.ts'), schemaTypes(schemas));
  } catch (e) {
    console.error(`schema/: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { readSchemas };
