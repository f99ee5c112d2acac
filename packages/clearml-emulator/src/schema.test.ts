import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEndpoints } from './endpoints/allEndpoints.js';
import { startEmulator } from './startEmulator.js';
import { apiClient, type ApiClient } from './test/apiClient.js';
import {
  deref,
  enumOf,
  loadEndpointSchema,
  undeclaredFields,
  type SchemaNode,
} from './test/loadEndpointSchema.js';
import type { RunningEmulator } from './types.js';

// Request filters the real server accepts although the schema does not declare them.
const UNDECLARED_BUT_REAL: Record<string, string[]> = {
  'projects.get_all': ['parent'],
  'projects.get_all_ex': ['parent'],
};

let emu: RunningEmulator;
let api: ApiClient;
const endpoints = allEndpoints();

/** A valid request for each endpoint, to vary one field at a time. */
function validBody(name: string): Record<string, unknown> {
  const project = emu.store.getProjectByName('Vision/Detection/YOLOv8')?.id as string;
  const task = emu.store.tasksInProject(project)[0]?.id;
  const model = [...emu.store.models.keys()][0];
  const bodies: Record<string, Record<string, unknown>> = {
    'projects.get_by_id': { project },
    'projects.create': { name: `Schema Check ${Math.random().toString(36).slice(2, 8)}` },
    'tasks.get_by_id': { task },
    'tasks.create': { name: 'fake schema check', type: 'training', project },
    'models.get_by_id': { model },
    'tasks.get_all': { project: [project], search_hidden: true },
    'tasks.get_all_ex': { project: [project], search_hidden: true },
    'projects.get_all_ex': { include_stats: true, search_hidden: true },
    'projects.get_all': { search_hidden: true },
    'models.get_all_ex': { include_stats: true },
  };
  return { ...(bodies[name] ?? {}) };
}

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  api = apiClient(emu);
});
afterAll(() => emu.stop());

describe.each([...endpoints.keys()])(
  '%s agrees with the ClearML schema (newest version <= 2.34)',
  (name) => {
    const def = endpoints.get(name)!;
    const schema = loadEndpointSchema(name);
    const props = (schema.request.properties as Record<string, SchemaNode> | undefined) ?? {};

    it('has the same versions, authorization and required fields', () => {
      expect(def.versions).toEqual(schema.versions);
      expect(def.authorize).toBe(schema.authorize);
      expect([...(def.spec.required ?? [])].sort()).toEqual(
        [...((schema.request.required as string[]) ?? [])].sort(),
      );
    });

    it('declares request fields with the schema types and enums', () => {
      const kinds: Record<string, string> = {};
      for (const [field, spec] of Object.entries(def.spec.fields)) {
        const prop = deref(props[field], schema.definitions);
        if (!prop) {
          expect(
            UNDECLARED_BUT_REAL[name] ?? [],
            `${name}.${field} is not in the schema`,
          ).toContain(field);
          continue;
        }
        kinds[field] = spec.kind;
        const type =
          prop.type === 'integer' || prop.type === 'number' ? prop.type : (prop.type ?? 'object');
        expect(`${field}:${spec.kind}`).toBe(`${field}:${String(type)}`);
        const allowed = enumOf(props[field] as SchemaNode, schema.definitions);
        expect(spec.enum ? [...spec.enum] : undefined, `enum of ${field}`).toEqual(allowed);
      }
      for (const [field, prop] of Object.entries(props)) {
        // Every field that constrains values must be known to the emulator, or it cannot enforce it.
        if (enumOf(prop, schema.definitions))
          expect(kinds, `${name}.${field} has an enum`).toHaveProperty(field);
      }
    });

    it('rejects each missing required field with 400/11', async () => {
      const auth = name === 'auth.login' ? { authorization: api.basic } : {};
      for (const field of (schema.request.required as string[] | undefined) ?? []) {
        const body = validBody(name);
        delete body[field];
        const res = schema.authorize
          ? await api.authed(name, body, auth)
          : await api.call(name, body);
        expect(res.json.meta, `${name} without ${field}`).toMatchObject({
          result_code: 400,
          result_subcode: 11,
        });
      }
    });

    it('enforces every enum: each allowed value passes, anything else is 400/12', async () => {
      for (const [field, prop] of Object.entries(props)) {
        const allowed = enumOf(prop, schema.definitions);
        if (!allowed) continue;
        const isArray = deref(prop, schema.definitions)?.type === 'array';
        const wrap = (v: string) => (isArray ? [v] : v);
        const bad = await api.authed(name, {
          ...validBody(name),
          [field]: wrap('not_a_valid_value'),
        });
        expect(bad.json.meta, `${name}.${field}=invalid`).toMatchObject({
          result_code: 400,
          result_subcode: 12,
        });
        for (const value of allowed) {
          const ok = await api.authed(name, { ...validBody(name), [field]: wrap(value) });
          expect(ok.status, `${name}.${field}=${value}: ${ok.text.slice(0, 200)}`).toBe(200);
        }
      }
    });

    it('answers only with response fields the schema declares', async () => {
      const opts = name === 'auth.login' ? { authorization: api.basic } : {};
      const res = schema.authorize
        ? await api.authed(name, validBody(name), opts)
        : await api.call(name, validBody(name));
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      const problems = undeclaredFields(
        res.json.data,
        schema.response,
        schema.definitions,
        'data',
        name.endsWith('_ex'),
      );
      expect(problems).toEqual([]);
      expect(Object.keys(res.json.data).length).toBeGreaterThan(0);
    });
  },
);

describe('the schema checker itself', () => {
  it('reports an undeclared response field', () => {
    const schema = loadEndpointSchema('tasks.get_by_id');
    const problems = undeclaredFields(
      { task: { id: 'x', bogus: 1, script: { nope: 2 } } },
      schema.response,
      schema.definitions,
      'data',
      false,
    );
    expect(problems).toEqual(['data.task.bogus', 'data.task.script.nope']);
  });

  it('resolves ${...} substitutions and includes: tasks.get_all 2.26 has the task status enum', () => {
    const schema = loadEndpointSchema('tasks.get_all');
    expect(schema.version).toBe('2.26');
    const props = schema.request.properties as Record<string, SchemaNode>;
    expect(enumOf(props.status as SchemaNode, schema.definitions)).toContain('in_progress');
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining(['include_subprojects', 'search_hidden', 'scroll_id']),
    );
  });
});
