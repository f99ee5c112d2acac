import { invalidModelId } from '../protocol/ApiError.js';
import { buildPredicate, type QueryFieldOptions } from '../query/buildPredicate.js';
import { getAllExDoc, projectDoc, type ReferenceField } from '../query/projection.js';
import { runListQuery } from '../query/runListQuery.js';
import type { Model } from '../store/entities.js';
import type { EmulatorStore } from '../store/EmulatorStore.js';
import type { EmulatorServices, EndpointDef } from './EndpointDef.js';
import { boolFlag, COMMON_LIST_FIELDS, fields as f, onlyFields, plainIds } from './listSpec.js';

const MODEL_QUERY: QueryFieldOptions = {
  patternFields: ['name', 'comment'],
  listFields: [
    'id',
    'tags',
    'system_tags',
    'project',
    'user',
    'framework',
    'task',
    'uri',
    'parent',
  ],
  equalityFields: ['ready'],
  textFields: ['name', 'comment'],
};

const GET_ALL_FIELDS = {
  ...COMMON_LIST_FIELDS,
  user: f.arr,
  ready: f.bool,
  project: f.arr,
  task: f.arr,
  framework: f.arr,
  uri: f.arr,
  last_update: f.arr,
  include_subprojects: f.bool,
};

function modelReferences(store: EmulatorStore): ReferenceField[] {
  return [
    { path: 'project', resolve: (id) => store.getProject(id) },
    { path: 'task', resolve: (id) => store.getTask(id) },
    { path: 'parent', resolve: (id) => store.getModel(id) },
    { path: 'user', resolve: (id) => store.users.get(id) as Record<string, unknown> | undefined },
  ];
}

function listModels(services: EmulatorServices, body: Record<string, unknown>, ex: boolean) {
  const { store } = services;
  const query = { ...body };
  let candidates = () => store.allModels();
  let scopeKey = 'models:*';
  const ids = plainIds(body.project);
  if (ids) {
    const all = new Set(ids);
    if (boolFlag(body, 'include_subprojects')) {
      for (const id of ids) for (const d of store.descendantsOf(id)) all.add(d.id);
    }
    const projectIds = [...all].sort();
    delete query.project;
    scopeKey = `models:${projectIds.join(',')}`;
    candidates = () => projectIds.flatMap((id) => store.modelsInProject(id));
  }
  const result = runListQuery<Model>({
    body,
    candidates,
    scopeKey,
    predicate: buildPredicate(query, MODEL_QUERY),
    scrolls: services.scrolls,
    sortCache: services.sortCache,
  });
  const only = onlyFields(body);
  const refs = modelReferences(store);
  const models = result.items.map((m) => {
    const doc = ex ? getAllExDoc(m, only, refs) : projectDoc(m, only);
    if (ex && boolFlag(body, 'include_stats')) {
      doc.stats = { labels_count: Object.keys(m.labels ?? {}).length };
    }
    return doc;
  });
  return result.scrollId === undefined ? { models } : { models, scroll_id: result.scrollId };
}

export const modelsGetAll: EndpointDef = {
  name: 'models.get_all',
  versions: ['2.1', '2.15', '2.26'],
  authorize: true,
  spec: { fields: GET_ALL_FIELDS },
  handle: ({ body, services }) => listModels(services, body, false),
};

export const modelsGetAllEx: EndpointDef = {
  name: 'models.get_all_ex',
  versions: ['2.1', '2.13', '2.15', '2.20', '2.23', '2.27'],
  authorize: true,
  spec: {
    fields: { ...GET_ALL_FIELDS, include_stats: f.bool, allow_public: f.bool, filters: f.obj },
  },
  handle: ({ body, services }) => listModels(services, body, true),
};

export const modelsGetById: EndpointDef = {
  name: 'models.get_by_id',
  versions: ['2.1'],
  authorize: true,
  spec: { required: ['model'], fields: { model: f.str } },
  handle: ({ body, services }) => {
    const model = services.store.getModel(body.model as string);
    if (!model) throw invalidModelId(body.model as string);
    return { model: projectDoc(model, undefined) };
  },
};

export const modelsGetFrameworks: EndpointDef = {
  name: 'models.get_frameworks',
  versions: ['2.8'],
  authorize: true,
  spec: { fields: { projects: f.arr } },
  handle: ({ body, services }) => {
    const { store } = services;
    const projects = body.projects as string[] | undefined;
    const models =
      projects && projects.length > 0
        ? projects.flatMap((id) => store.modelsInProject(id))
        : store.allModels();
    const frameworks = new Set<string>();
    for (const m of models) if (m.framework) frameworks.add(m.framework);
    return { frameworks: [...frameworks].sort() };
  },
};
