/**
 * Words a validator's errors as one line each: the key where the problem is (`allow[0].match`) and what is
 * expected there, taken from the schema (a node's "title", its "enum", the keys its "properties" allow).
 * Only runs when something is wrong, so reading the schema files here costs a clean run nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../rules/paths';

/** The part of an ajv error this needs. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

interface SchemaNode {
  $ref?: string;
  title?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  anyOf?: SchemaNode[];
  required?: string[];
}
/** A schema node and the file it is in (a $ref without a file name points into that file). */
interface Located {
  node: SchemaNode;
  file: string;
}

const files = new Map<string, SchemaNode>();
function schemaFile(file: string): SchemaNode {
  let s = files.get(file);
  if (!s) {
    s = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'schema', file), 'utf8')) as SchemaNode;
    files.set(file, s);
  }
  return s;
}

const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The node and every node its $ref chain leads to: together they make up what the schema says there. */
function layers(loc: Located): Located[] {
  const out = [loc];
  for (let cur = loc; cur.node.$ref;) {
    const [f, pointer = ''] = cur.node.$ref.split('#');
    const file = f || cur.file;
    let node = schemaFile(file) as unknown as Record<string, unknown>;
    for (const seg of pointer.split('/').slice(1)) node = node[unescapePointer(seg)] as Record<string, unknown>;
    cur = { node: node as SchemaNode, file };
    out.push(cur);
  }
  return out;
}

function properties(loc: Located): Record<string, Located> {
  const props: Record<string, Located> = {};
  for (const l of layers(loc).reverse()) for (const [k, node] of Object.entries(l.node.properties ?? {})) props[k] = { node, file: l.file };
  return props;
}

function child(loc: Located, key: string): Located | null {
  for (const l of layers(loc)) {
    const n = l.node;
    const next = n.properties?.[key] ?? n.items ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
    if (next) return { node: next, file: l.file };
  }
  return null;
}

const isArray = (loc: Located) => layers(loc).some((l) => l.node.type === 'array');

/** What the schema expects at a node, in words: its choices, else its title. */
function expected(loc: Located): string | undefined {
  for (const { node } of layers(loc)) {
    if (node.enum) return `one of ${node.enum.join(', ')}`;
    if (node.title) return node.title;
  }
  return undefined;
}

interface Step {
  loc: Located | null;
  at: string;
}

/** The schema node of each step of the instance path, with the path as the user would write it. */
function walk(root: Located, at: string, instancePath: string): Step[] {
  const steps: Step[] = [{ loc: root, at }];
  for (const seg of instancePath.split('/').slice(1).map(unescapePointer)) {
    const { loc, at } = steps[steps.length - 1];
    steps.push({ loc: loc && child(loc, seg), at: loc && isArray(loc) ? `${at}[${seg}]` : join(at, seg) });
  }
  return steps;
}

const join = (at: string, key: string) => (at ? `${at}.${key}` : key);
const shown = (at: string) => at || '(top level)';

function describe(e: SchemaError, root: Located, prefix: string): string {
  const steps = walk(root, prefix, e.instancePath);
  const { loc, at } = steps[steps.length - 1];
  if (loc && (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties')) {
    const key = String(e.params.additionalProperty ?? e.params.unevaluatedProperty);
    return `${join(at, key)}: unknown key (expected one of ${Object.keys(properties(loc)).join(', ')})`;
  }
  if (loc && e.keyword === 'required') {
    const key = String(e.params.missingProperty);
    const prop = properties(loc)[key];
    return `${join(at, key)}: expected ${(prop && expected(prop)) ?? 'a value'}`;
  }
  if (loc && e.keyword === 'anyOf') {
    const choices = layers(loc).flatMap((l) => l.node.anyOf ?? []);
    if (choices.every((c) => c.required?.length === 1))
      return `${shown(at)}: expected ${choices.map((c) => `"${c.required![0]}"`).join(' or ')}`;
  }
  // The nearest node, this one or one around it, that says what it expects.
  for (let i = steps.length - 1; i >= 0; i--) {
    const words = steps[i].loc && expected(steps[i].loc!);
    if (words) return `${shown(steps[i].at)}: expected ${words}`;
  }
  return `${shown(at)}: not valid (${e.keyword})`;
}

/**
 * One line per problem, each problem once; errors inside one branch of an anyOf are said by the anyOf's own.
 * `target` is what was validated ("file" or "file#/pointer"), `prefix` where that sits in the user's file.
 */
export function describeSchemaErrors(errors: SchemaError[], target: string, prefix = ''): string[] {
  const file = target.split('#')[0];
  const root: Located = { node: { $ref: target }, file };
  const inBranch = /\/(anyOf|oneOf)\/\d+\//;
  return [...new Set(errors.filter((e) => !inBranch.test(e.schemaPath)).map((e) => describe(e, root, prefix)))];
}
