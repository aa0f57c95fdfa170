/**
 * TypeScript types from the JSON Schemas in schema/: each $defs entry becomes a type of the same name, each
 * schema's root the type named in ROOTS, and the config's "default"s a constant. Only the parts of JSON Schema
 * that schema/ uses are understood; anything else stops the build rather than yielding a loose type.
 */
const ROOTS = { provider: 'ProviderSpec', config: 'ConfigFile' };
const KNOWN = new Set([
  '$schema',
  '$ref',
  '$defs',
  'title',
  'description',
  'default',
  'type',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'anyOf',
  'minItems',
  'minLength',
  'minimum',
  'maximum',
  'pattern',
]);

const quote = (s) => `'${s}'`;

function refName(ref) {
  const m = /#\/\$defs\/(\w+)$/.exec(ref);
  if (!m) throw new Error(`schema-types: unsupported $ref ${ref}`);
  return m[1];
}

function docLine(node, indent) {
  const text = node.description ?? node.title;
  return text ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '';
}

function objectType(node, indent) {
  const props = node.properties ?? {};
  const ap = node.additionalProperties;
  if (!Object.keys(props).length && ap && typeof ap === 'object') return `Record<string, ${typeOf(ap, indent)}>`;
  const req = new Set(node.required ?? []);
  const inner = `${indent}  `;
  const lines = Object.entries(props).map(([k, p]) => `${docLine(p, inner)}${inner}${k}${req.has(k) ? '' : '?'}: ${typeOf(p, inner)};\n`);
  return `{\n${lines.join('')}${indent}}`;
}

/** A node's type: its $ref, its own shape, and for "$ref + required" the ref with those keys made required. */
function typeOf(node, indent) {
  for (const k of Object.keys(node)) if (!KNOWN.has(k)) throw new Error(`schema-types: unsupported keyword ${k}`);
  if (node.enum) return node.enum.map(quote).join(' | ');
  const parts = node.$ref ? [refName(node.$ref)] : [];
  const t = node.type;
  if (t === 'string') parts.push('string');
  else if (t === 'number' || t === 'integer') parts.push('number');
  else if (t === 'boolean') parts.push('boolean');
  else if (t === 'array') parts.push(`Array<${typeOf(node.items, indent)}>`);
  else if (t === 'object' && (node.properties || !parts.length)) parts.push(objectType(node, indent));
  if (node.required && !node.properties && parts.length) parts.push(`Required<Pick<${parts[0]}, ${node.required.map(quote).join(' | ')}>>`);
  if (!parts.length) throw new Error(`schema-types: no type for ${JSON.stringify(node).slice(0, 80)}`);
  return parts.join(' & ');
}

function declare(name, node) {
  const plainObject = node.type === 'object' && !node.$ref && !(node.additionalProperties && typeof node.additionalProperties === 'object');
  const body = plainObject ? `export interface ${name} ${objectType(node, '')}` : `export type ${name} = ${typeOf(node, '')};`;
  return `${docLine(node, '')}${body}\n`;
}

/** The config's "default"s, so the defaults a run starts from are the ones editors show. */
function defaults(schema, name) {
  const entries = Object.entries(schema.properties).filter(([, p]) => 'default' in p);
  const body = entries.map(([k, p]) => `  ${k}: ${JSON.stringify(p.default)},\n`).join('');
  return `export const ${name} = {\n${body}} satisfies Partial<${ROOTS.config}>;\n`;
}

function schemaTypes(schemas) {
  const out = ['/* Made by scripts/schema-build.js from schema/*.schema.json: edit the schema, not this file. */\n'];
  for (const [file, schema] of Object.entries(schemas)) {
    const root = { ...schema };
    delete root.$defs;
    out.push(declare(ROOTS[file], root));
    for (const [name, node] of Object.entries(schema.$defs ?? {})) out.push(declare(name, node));
  }
  out.push(defaults(schemas.config, 'CONFIG_DEFAULTS'));
  return out.join('\n');
}

module.exports = { schemaTypes };
