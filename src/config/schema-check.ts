/**
 * Checks data against one of schema/*.schema.json with the validator the build made from it
 * (dist/schema/<name>-validator.js): no ajv and no schema compile at run time, since the config is
 * checked on every commit. The schema itself is read only when something is wrong, to word the problems.
 */
import path from 'node:path';
import { DIST } from '../rules/paths';
import { describeSchemaErrors, type SchemaError } from './schema-errors';

export type SchemaName = 'config' | 'provider';
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

/** The problems of `data` against schema/<name>.schema.json, one line each ("key: expected ..."); none when it fits. */
export function checkAgainst(name: SchemaName, data: unknown): string[] {
  const v = validator(name);
  return v(data) ? [] : describeSchemaErrors(v.errors ?? [], `${name}.schema.json`);
}
