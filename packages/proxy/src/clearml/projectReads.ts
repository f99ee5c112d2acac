import { NotFoundError } from '../errors/index.js';
import type { CallOptions } from './createClearmlClient.js';
import { containsCaselessPattern } from './escapeRegex.js';
import { fetchAllRows, fetchExactPage } from './fetchExactPage.js';
import { parentNameOf, parseProject, PROJECT_LIST_FIELDS } from './parseProject.js';
import { orderBy } from './orderBy.js';
import { asObject, str } from './parseValues.js';
import { cachedRead, clearml, normalizeQuery, tags, type ServiceDeps } from './serviceDeps.js';
import type { CallContext, Project, ProjectListQuery, ProjectPage } from './types.js';

type Row = Record<string, unknown>;

const PROJECT_SORT: Record<string, string> = {
  name: 'name',
  last_update: 'last_update',
  created: 'created',
};

export async function listProjects(
  deps: ServiceDeps,
  query: ProjectListQuery,
  ctx: CallContext,
): Promise<ProjectPage> {
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? 50;
  return cachedRead(
    deps,
    ctx,
    ['listProjects', normalizeQuery({ ...query, page, page_size: pageSize })],
    [tags.projectLists],
    async (opts) => {
      const filter: Row = {
        search_hidden: false,
        order_by: orderBy(query.sort, PROJECT_SORT, 'name'),
      };
      if (query.search) {
        filter._any_ = { pattern: containsCaselessPattern(query.search), fields: ['name', 'id'] };
      }
      if (query.parent !== undefined) {
        filter.shallow_search = true;
        if (query.parent !== '') {
          if (!ctx.scope.allows(query.parent)) {
            throw new NotFoundError(`Project not found: ${query.parent}`);
          }
          filter.parent = [(await deps.projects.resolve(query.parent, opts)).id];
        }
      }
      const fetch = (page0: number, size: number, fields = PROJECT_LIST_FIELDS) =>
        projectRows(deps, { ...filter, only_fields: fields, page: page0, page_size: size }, opts);

      let rows: Row[];
      let hasMore: boolean;
      if (ctx.scope.all) {
        ({ rows, hasMore } = await fetchExactPage(
          (p, s, probe) => fetch(p, s, probe ? ['id'] : PROJECT_LIST_FIELDS),
          page,
          pageSize,
        ));
      } else {
        // ClearML cannot filter by our scope patterns: list every match, keep the allowed ones.
        const allowed = (await fetchAllRows((p, s) => fetch(p, s))).filter((r) =>
          ctx.scope.allows(str(r.name) ?? ''),
        );
        const start = (page - 1) * pageSize;
        rows = allowed.slice(start, start + pageSize);
        hasMore = allowed.length > start + pageSize;
      }
      const items = await describeProjects(deps, rows, query.include_stats === true, ctx, opts);
      return { items, page, page_size: pageSize, has_more: hasMore };
    },
  );
}

/** Adds has_children (and stats when asked) to a page of projects. */
async function describeProjects(
  deps: ServiceDeps,
  rows: Row[],
  includeStats: boolean,
  ctx: CallContext,
  opts: CallOptions,
): Promise<Project[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => str(r.id)).filter((id): id is string => id !== null);
  const visible = (name: string) => ctx.scope.all || ctx.scope.allows(name);
  if (includeStats) {
    const data = await clearml<{ projects?: Row[] }>(
      deps,
      'projects.get_all_ex',
      {
        id: ids,
        include_stats: true,
        stats_with_children: false,
        search_hidden: false,
        only_fields: ['id'],
        page: 0,
        page_size: 500,
      },
      opts,
    );
    const byId = new Map((data.projects ?? []).map((p) => [str(p.id), p]));
    return rows.map((r) => {
      const extra = byId.get(str(r.id)) ?? {};
      const subs = Array.isArray(extra.sub_projects) ? extra.sub_projects : [];
      const hasChildren = subs.some((s) => visible(str(asObject(s)?.name) ?? ''));
      return parseProject({ ...r, stats: extra.stats ?? emptyStats() }, hasChildren, deps.urls);
    });
  }
  const parents = ctx.scope.all
    ? await parentsWithChildren(deps, rows, opts)
    : await parentsWithVisibleChildren(deps, ids, visible, opts);
  return rows.map((r) => parseProject(r, parents.has(str(r.name) ?? ''), deps.urls));
}

/** ClearML's largest page. */
const CLEARML_MAX_PAGE = 500;

/**
 * The `projects.get_all_ex` body for the direct children of `parentIds`, names only: one ClearML
 * page (at most 500 rows).
 */
function childrenQuery(parentIds: string[], page0 = 0): Row {
  return {
    parent: parentIds,
    shallow_search: true,
    search_hidden: false,
    only_fields: ['id', 'name'],
    page: page0,
    page_size: CLEARML_MAX_PAGE,
  };
}

/** The rows of one `projects.get_all_ex` call. */
function projectRows(deps: ServiceDeps, body: Row, opts: CallOptions): Promise<Row[]> {
  return clearml<{ projects?: Row[] }>(deps, 'projects.get_all_ex', body, opts).then(
    (d) => d.projects ?? [],
  );
}

const parentsIn = (children: Row[]) => children.map((c) => parentNameOf(str(c.name) ?? '') ?? '');

/**
 * The next question for `has_children` of these projects, given the answers so far (children
 * rows), or null when they are answered. Only presence matters, so a project once seen to have a
 * child is left out of the next question: one call in the common case, and a project with
 * thousands of children costs no more than one with one (listing them all made a slow tail).
 * Exported for the benchmark, whose direct baseline asks ClearML the same questions.
 */
export function nextChildrenQuery(projects: Row[], answers: Row[][]): Row | null {
  const last = answers[answers.length - 1];
  // A short answer held every child of the projects asked about.
  if (last && last.length < CLEARML_MAX_PAGE) return null;
  const found = new Set(answers.slice(0, -1).flatMap(parentsIn));
  const fresh = last ? parentsIn(last) : [];
  // A full answer names at least one new parent (its rows are children of those asked only);
  // one that does not would loop forever.
  if (last && fresh.every((name) => found.has(name))) return null;
  for (const name of fresh) found.add(name);
  const remaining = projects
    .filter((p) => !found.has(str(p.name) ?? ''))
    .map((p) => str(p.id))
    .filter((id): id is string => id !== null);
  return remaining.length > 0 ? childrenQuery(remaining) : null;
}

/** The names of these projects that have at least one child (see nextChildrenQuery). */
async function parentsWithChildren(
  deps: ServiceDeps,
  projects: Row[],
  opts: CallOptions,
): Promise<Set<string>> {
  const answers: Row[][] = [];
  for (let q = nextChildrenQuery(projects, answers); q; q = nextChildrenQuery(projects, answers)) {
    answers.push(await projectRows(deps, q, opts));
  }
  return new Set(answers.flatMap(parentsIn));
}

/** With a project scope, a child counts only when the scope shows it: read them all. */
async function parentsWithVisibleChildren(
  deps: ServiceDeps,
  ids: string[],
  visible: (name: string) => boolean,
  opts: CallOptions,
): Promise<Set<string>> {
  const children = await fetchAllRows(
    (page0) => projectRows(deps, childrenQuery(ids, page0), opts),
    20,
  );
  return new Set(
    children
      .map((c) => str(c.name) ?? '')
      .filter(visible)
      .map((name) => parentNameOf(name) ?? ''),
  );
}

function emptyStats() {
  return { active: { total_tasks: 0, status_count: {} } };
}

export async function getProject(
  deps: ServiceDeps,
  projectName: string,
  ctx: CallContext,
): Promise<Project> {
  if (!ctx.scope.allows(projectName)) throw new NotFoundError(`Project not found: ${projectName}`);
  return cachedRead(deps, ctx, ['getProject', projectName], [tags.projectLists], async (opts) => {
    const ref = await deps.projects.resolve(projectName, opts);
    const data = await clearml<{ projects?: Row[] }>(
      deps,
      'projects.get_all_ex',
      {
        id: [ref.id],
        only_fields: PROJECT_LIST_FIELDS,
        search_hidden: false,
        page: 0,
        page_size: 1,
      },
      opts,
    );
    const row = data.projects?.[0];
    if (!row) {
      deps.projects.forget(projectName);
      throw new NotFoundError(`Project not found: ${projectName}`);
    }
    const [project] = await describeProjects(deps, [row], true, ctx, opts);
    return project as Project;
  });
}
