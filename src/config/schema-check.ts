/**
 * Checks data against schema/*.schema.json with the validators the build made from it
 * (dist/schema/<name>-validator.js): no ajv and no schema compile at run time, since the config is
 * checked on every commit. The schema itself is read only when something is wrong, to word the problems.
 */
import path from 'node:path';
import { DIST } from '../rules/paths';
import type { SchemaError } from './schema-errors';

/** Each validator and the part of schema/ it checks (see scripts/schema-build.js). */
const TARGETS = {
  config: 'config.schema.json',
  provider: 'provider.schema.json',
  'custom-rule': 'provider.schema.json#/$defs/CustomRule',
};
export type SchemaName = keyof typeof TARGETS;
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const validators = new Map<SchemaName, Validator>();

function validator(name: SchemaName): Validator {
  let v = validators.get(name);
  if (!v) {
    v = require(path.join(DIST, 'schema', `${name}-validator.js`)) as Validator;
    validators.set(name, v);
  }
  return v;
}

/**
 * The problems of `data` against that part of the schema, one line each ("key: expected ..."), keys shown
 * below `at` (e.g. "rules[2]"); none when it fits. The config validator leaves each custom rule's inside
 * to the custom-rule one.
 */
export function checkAgainst(name: SchemaName, data: unknown, at = ''): string[] {
  const v = validator(name);
  if (v(data)) return [];
  const { describeSchemaErrors } = require('./schema-errors') as typeof import('./schema-errors');
  return describeSchemaErrors(v.errors ?? [], TARGETS[name], at);
}
