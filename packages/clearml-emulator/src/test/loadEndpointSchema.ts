import { fileURLToPath } from 'node:url';
import { parseHoconFile, type HoconValue } from './parseHocon.js';

export type SchemaNode = { [key: string]: HoconValue };

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));
export const MAX_API_VERSION = '2.34';

export interface EndpointSchema {
  name: string;
  /** The newest version <= 2.34 and every version the action defines up to it. */
  version: string;
  versions: string[];
  authorize: boolean;
  request: SchemaNode;
  response: SchemaNode;
  definitions: Record<string, SchemaNode>;
}

const cache = new Map<string, Record<string, HoconValue>>();
const load = (file: string) => {
  let parsed = cache.get(file);
  if (!parsed) {
    parsed = parseHoconFile(`${SCHEMA_DIR}${file}`);
    cache.set(file, parsed);
  }
  return parsed;
};

const isVersion = (k: string) => /^\d+\.\d+$/.test(k);
export const cmpVersion = (a: string, b: string) => {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
};

/** The schema of `service.action` at the newest version not above 2.34. */
export function loadEndpointSchema(name: string): EndpointSchema {
  const [service, action] = name.split('.') as [string, string];
  const root = load(`${service}.conf`);
  const defaults = load('_api_defaults.conf');
  const node = root[action] as SchemaNode | undefined;
  if (!node) throw new Error(`no action ${action} in ${service}.conf`);
  const versions = Object.keys(node)
    .filter(isVersion)
    .filter((v) => cmpVersion(v, MAX_API_VERSION) <= 0)
    .sort(cmpVersion);
  const version = versions[versions.length - 1] as string;
  const shape = node[version] as SchemaNode;
  const fileDefault = (root._default as SchemaNode | undefined) ?? {};
  const authorize = (node.authorize ?? fileDefault.authorize ?? defaults.authorize) as boolean;
  return {
    name,
    version,
    versions,
    authorize,
    request: shape.request as SchemaNode,
    response: shape.response as SchemaNode,
    definitions: (root._definitions as Record<string, SchemaNode> | undefined) ?? {},
  };
}

/** Follows `"$ref": "#/definitions/x"` (one level at a time, merging the local keys over it). */
export function deref(
  node: SchemaNode | undefined,
  defs: Record<string, SchemaNode>,
): SchemaNode | undefined {
  let current = node;
  for (let i = 0; i < 10 && current && typeof current.$ref === 'string'; i++) {
    const target = defs[(current.$ref as string).replace('#/definitions/', '')];
    if (!target) throw new Error(`unresolved ${String(current.$ref)}`);
    const { $ref: _ignored, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

/** The enum a request property allows (of the value, or of each item for arrays). */
export function enumOf(prop: SchemaNode, defs: Record<string, SchemaNode>): string[] | undefined {
  const p = deref(prop, defs);
  if (!p) return undefined;
  if (Array.isArray(p.enum)) return p.enum as string[];
  if (p.type === 'array') {
    const items = deref(p.items as SchemaNode | undefined, defs);
    if (items && Array.isArray(items.enum)) return items.enum as string[];
  }
  return undefined;
}

/**
 * Every response field name must be declared (properties, or additionalProperties with a
 * schema). With `refObjects`, a string-typed field may hold a `{id, ...}` object (*_ex).
 */
export function undeclaredFields(
  value: unknown,
  node: SchemaNode | undefined,
  defs: Record<string, SchemaNode>,
  path: string,
  refObjects: boolean,
): string[] {
  const schema = deref(node, defs);
  if (!schema || value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    const items = schema.items as SchemaNode | undefined;
    return items
      ? value.flatMap((v, i) => undeclaredFields(v, items, defs, `${path}[${i}]`, refObjects))
      : [];
  }
  if (typeof value !== 'object') return [];
  if (schema.type === 'string' && refObjects) return [];
  const props = (schema.properties as Record<string, SchemaNode> | undefined) ?? {};
  const additional = schema.additionalProperties;
  // An object schema that declares nothing is free-form (e.g. script.requirements).
  if (Object.keys(props).length === 0 && additional === undefined) return [];
  const problems: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const sub = props[key];
    if (sub) problems.push(...undeclaredFields(v, sub, defs, `${path}.${key}`, refObjects));
    else if (additional && typeof additional === 'object') {
      problems.push(
        ...undeclaredFields(v, additional as SchemaNode, defs, `${path}.${key}`, refObjects),
      );
    } else if (additional !== true) problems.push(`${path}.${key}`);
  }
  return problems;
}
