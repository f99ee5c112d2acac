import { invalidReference, invalidTaskId, validationError } from '../protocol/ApiError.js';
import type { QueryFieldOptions } from '../query/buildPredicate.js';
import { buildPredicate, withoutHidden } from '../query/buildPredicate.js';
import { getAllExDoc, projectDoc, type ReferenceField } from '../query/projection.js';
import { runListQuery } from '../query/runListQuery.js';
import type { Task } from '../store/entities.js';
import type { EmulatorStore } from '../store/EmulatorStore.js';
import type { EmulatorServices, EndpointDef } from './EndpointDef.js';
import {
  boolFlag,
  COMMON_LIST_FIELDS,
  fields as f,
  onlyFields,
  plainIds,
  TASK_STATUSES,
  TASK_TYPES,
} from './listSpec.js';

const TASK_QUERY: QueryFieldOptions = {
  patternFields: ['name', 'comment'],
  listFields: ['id', 'tags', 'system_tags', 'project', 'status', 'type', 'user', 'parent'],
  textFields: ['name', 'comment'],
};

const GET_ALL_FIELDS = {
  ...COMMON_LIST_FIELDS,
  user: f.arr,
  project: f.arr,
  type: f.arr,
  status: { kind: 'array', enum: TASK_STATUSES },
  parent: f.str,
  status_changed: f.arr,
  search_hidden: f.bool,
  include_subprojects: f.bool,
} as const;

export function taskReferences(store: EmulatorStore): ReferenceField[] {
  const user = (id: string) => store.users.get(id) as Record<string, unknown> | undefined;
  const task = (id: string) => store.getTask(id);
  const model = (id: string) => store.getModel(id);
  const project = (id: string) => store.getProject(id);
  return [
    { path: 'project', resolve: project },
    { path: 'parent', resolve: task },
    { path: 'user', resolve: user },
    { path: 'models.input.model', resolve: model },
    { path: 'models.output.model', resolve: model },
  ];
}

function listTasks(services: EmulatorServices, body: Record<string, unknown>, ex: boolean) {
  const { store } = services;
  const query = { ...body };
  let candidates = () => store.allTasks();
  let scopeKey = 'tasks:*';
  const ids = plainIds(body.project);
  if (ids) {
    // Served from the per-project index: the project condition is then already met.
    const all = new Set(ids);
    if (boolFlag(body, 'include_subprojects')) {
      for (const id of ids) for (const d of store.descendantsOf(id)) all.add(d.id);
    }
    const projectIds = [...all].sort();
    delete query.project;
    scopeKey = `tasks:${projectIds.join(',')}`;
    candidates = () =>
      projectIds.length === 1
        ? store.tasksInProject(projectIds[0] as string)
        : projectIds.flatMap((id) => store.tasksInProject(id));
  }
  const result = runListQuery<Task>({
    body,
    candidates,
    scopeKey,
    predicate: withoutHidden(buildPredicate(query, TASK_QUERY), boolFlag(body, 'search_hidden')),
    scrolls: services.scrolls,
    sortCache: services.sortCache,
  });
  const only = onlyFields(body);
  const refs = taskReferences(store);
  const tasks = result.items.map((t) => (ex ? getAllExDoc(t, only, refs) : projectDoc(t, only)));
  return result.scrollId === undefined ? { tasks } : { tasks, scroll_id: result.scrollId };
}

export const tasksGetAll: EndpointDef = {
  name: 'tasks.get_all',
  versions: ['2.1', '2.14', '2.15', '2.26'],
  authorize: true,
  spec: { fields: GET_ALL_FIELDS },
  handle: ({ body, services }) => listTasks(services, body, false),
};

export const tasksGetAllEx: EndpointDef = {
  name: 'tasks.get_all_ex',
  versions: ['2.1', '2.13', '2.14', '2.15', '2.23', '2.27'],
  authorize: true,
  spec: { fields: { ...GET_ALL_FIELDS, allow_public: f.bool, filters: f.obj } },
  handle: ({ body, services }) => listTasks(services, body, true),
};

export const tasksGetById: EndpointDef = {
  name: 'tasks.get_by_id',
  versions: ['2.1'],
  authorize: true,
  spec: { required: ['task'], fields: { task: f.str } },
  handle: ({ body, services }) => {
    const task = services.store.getTask(body.task as string);
    if (!task) throw invalidTaskId(body.task as string);
    return { task: projectDoc(task, undefined) };
  },
};

export const tasksCreate: EndpointDef = {
  name: 'tasks.create',
  versions: ['2.1', '2.13'],
  authorize: true,
  creates: true,
  spec: {
    required: ['name', 'type'],
    fields: {
      name: f.str,
      tags: f.arr,
      system_tags: f.arr,
      type: { kind: 'string', enum: TASK_TYPES },
      comment: f.str,
      parent: f.str,
      project: f.str,
      output_dest: f.str,
      execution: f.obj,
      script: f.obj,
      hyperparams: f.obj,
      configuration: f.obj,
      models: f.obj,
      container: f.obj,
    },
  },
  handle: ({ body, services, identity }) => {
    const { store } = services;
    const project = body.project as string | undefined;
    if (!project) throw invalidReference('project', project, 'Project');
    if (!store.getProject(project)) throw invalidReference('project', project, 'Project');
    if (body.parent !== undefined && !store.getTask(body.parent as string)) {
      throw invalidReference('parent', body.parent, 'Task');
    }
    const now = store.nowIso();
    const task = store.addTask({
      ...pickDefined(body, [
        'name',
        'type',
        'comment',
        'parent',
        'project',
        'script',
        'execution',
        'configuration',
        'models',
        'container',
      ]),
      name: body.name as string,
      project,
      tags: (body.tags as string[] | undefined) ?? [],
      system_tags: (body.system_tags as string[] | undefined) ?? [],
      status: 'created',
      user: identity?.user,
      created: now,
      last_update: now,
      last_change: now,
      status_changed: now,
      ...(body.hyperparams ? { hyperparams: normalizeHyperparams(body.hyperparams) } : {}),
      ...(body.output_dest ? { output: { destination: body.output_dest as string } } : {}),
    });
    return { id: task.id };
  },
};

function pickDefined(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
}

/** The server fills each item's `section` and `name` from where it sits. */
function normalizeHyperparams(raw: unknown): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [section, params] of Object.entries(raw as Record<string, unknown>)) {
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      throw validationError(`hyperparams.${section} must be an object`, { field: 'hyperparams' });
    }
    out[section] = {};
    for (const [name, item] of Object.entries(params as Record<string, unknown>)) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw validationError(`hyperparams.${section}.${name} must be an object`, {
          field: 'hyperparams',
        });
      }
      out[section][name] = { ...(item as object), section, name };
    }
  }
  return out;
}
