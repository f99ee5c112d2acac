import { invalidProjectId, projectExists, validationError } from '../protocol/ApiError.js';
import { buildPredicate, withoutHidden, type QueryFieldOptions } from '../query/buildPredicate.js';
import { projectDoc } from '../query/projection.js';
import { runListQuery } from '../query/runListQuery.js';
import { HIDDEN_TAG, type Project } from '../store/entities.js';
import type { EmulatorServices, EndpointDef } from './EndpointDef.js';
import { boolFlag, COMMON_LIST_FIELDS, fields as f, onlyFields, plainIds } from './listSpec.js';
import { projectStats } from './projectStats.js';

const PROJECT_QUERY: QueryFieldOptions = {
  patternFields: ['name', 'basename', 'description'],
  listFields: ['id', 'tags', 'system_tags', 'parent'],
  textFields: ['name', 'description'],
};

const GET_ALL_FIELDS = {
  ...COMMON_LIST_FIELDS,
  basename: f.str,
  description: f.str,
  // Not in the schema, but the real server filters projects by parent (the SDK relies on it).
  parent: f.arr,
  shallow_search: f.bool,
  search_hidden: f.bool,
};

/** Fields the store keeps for its own use but the schema's project objects do not declare. */
function publicView(p: Project, only: string[] | undefined): Record<string, unknown> {
  const doc = projectDoc(p, only);
  if (!only?.includes('parent')) delete doc.parent;
  return doc;
}

function listProjects(services: EmulatorServices, body: Record<string, unknown>, ex: boolean) {
  const { store } = services;
  const query = { ...body };
  const parents = plainIds(body.parent);
  const shallow = boolFlag(body, 'shallow_search');
  let candidates = () => store.allProjects();
  let scopeKey = 'projects:*';
  if (shallow || parents) {
    delete query.parent;
    const roots = parents ?? [undefined];
    scopeKey = `projects:${shallow ? 'children' : 'descendants'}:${roots.join(',')}`;
    candidates = () =>
      roots.flatMap((id) =>
        shallow ? store.childrenOf(id) : id === undefined ? [] : store.descendantsOf(id),
      );
  }
  const searchHidden = boolFlag(body, 'search_hidden');
  const result = runListQuery<Project>({
    body,
    candidates,
    scopeKey,
    predicate: withoutHidden(buildPredicate(query, PROJECT_QUERY), searchHidden),
    scrolls: services.scrolls,
    sortCache: services.sortCache,
  });
  const only = onlyFields(body);
  const projects = result.items.map((p) => {
    const doc = publicView(p, only);
    if (!ex) return doc;
    if (searchHidden && p.system_tags.includes(HIDDEN_TAG)) doc.hidden = true;
    if (boolFlag(body, 'include_stats')) {
      doc.stats = projectStats(store, p, {
        withChildren: body.stats_with_children !== false,
        searchHidden,
        nowMs: services.nowMs(),
      });
      doc.sub_projects = store
        .childrenOf(p.id)
        .filter((c) => searchHidden || !c.system_tags.includes(HIDDEN_TAG))
        .map((c) => ({ id: c.id, name: c.name }));
    }
    return doc;
  });
  return result.scrollId === undefined ? { projects } : { projects, scroll_id: result.scrollId };
}

export const projectsGetAll: EndpointDef = {
  name: 'projects.get_all',
  versions: ['2.1', '2.13', '2.14', '2.15'],
  authorize: true,
  spec: { fields: GET_ALL_FIELDS },
  handle: ({ body, services }) => listProjects(services, body, false),
};

export const projectsGetAllEx: EndpointDef = {
  name: 'projects.get_all_ex',
  versions: ['2.1', '2.13', '2.14', '2.15', '2.16', '2.17', '2.20', '2.23', '2.24', '2.25', '2.27'],
  authorize: true,
  spec: {
    fields: {
      ...GET_ALL_FIELDS,
      include_stats: f.bool,
      stats_for_state: { kind: 'string', enum: ['active', 'archived'] },
      non_public: f.bool,
      active_users: f.arr,
      check_own_contents: f.bool,
      stats_with_children: f.bool,
      include_stats_filter: f.obj,
      include_dataset_stats: f.bool,
      allow_public: f.bool,
      children_type: { kind: 'string', enum: ['pipeline', 'report', 'dataset'] },
      children_tags: f.arr,
      filters: f.obj,
      children_tags_filter: f.obj,
    },
  },
  handle: ({ body, services }) => listProjects(services, body, true),
};

export const projectsGetById: EndpointDef = {
  name: 'projects.get_by_id',
  versions: ['2.1'],
  authorize: true,
  spec: { required: ['project'], fields: { project: f.str } },
  handle: ({ body, services }) => {
    const project = services.store.getProject(body.project as string);
    if (!project) throw invalidProjectId(body.project as string);
    return { project: publicView(project, undefined) };
  },
};

export const projectsCreate: EndpointDef = {
  name: 'projects.create',
  versions: ['2.1'],
  authorize: true,
  creates: true,
  spec: {
    required: ['name'],
    fields: {
      name: f.str,
      description: f.str,
      tags: f.arr,
      system_tags: f.arr,
      default_output_destination: f.str,
    },
  },
  handle: ({ body, services, identity }) => {
    const { store } = services;
    const name = normalizeProjectName(body.name as string);
    if (store.getProjectByName(name)) throw projectExists(name);
    const now = store.nowIso();
    const project = store.addProject({
      name,
      user: identity?.user,
      created: now,
      last_update: now,
      tags: (body.tags as string[] | undefined) ?? [],
      system_tags: (body.system_tags as string[] | undefined) ?? [],
      ...(body.description !== undefined ? { description: body.description as string } : {}),
      ...(body.default_output_destination !== undefined
        ? { default_output_destination: body.default_output_destination as string }
        : {}),
    });
    return { id: project.id };
  },
};

/** `/` is hierarchy; empty parts and base names under 3 characters are refused. */
function normalizeProjectName(raw: string): string {
  const parts = raw
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    throw validationError(`Project name cannot be empty or contain empty path parts: name=${raw}`, {
      field: 'name',
    });
  }
  const basename = parts[parts.length - 1] as string;
  if (basename.length < 3) {
    throw validationError(`Project name should be at least 3 characters long: name=${raw}`, {
      field: 'name',
    });
  }
  return parts.join('/');
}
