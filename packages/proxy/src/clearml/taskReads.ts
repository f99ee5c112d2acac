import { NotFoundError } from '../errors/index.js';
import { allowedProjectIds } from './allowedProjectIds.js';
import type { CallOptions } from './createClearmlClient.js';
import type { ProjectRef } from './createProjectResolver.js';
import { fetchListPage } from './fetchListPage.js';
import {
  parseTaskDetails,
  parseTaskSummary,
  TASK_DETAIL_FIELDS,
  TASK_LIST_FIELDS,
} from './parseTask.js';
import { ref } from './parseValues.js';
import { cachedRead, clearml, normalizeQuery, tags, type ServiceDeps } from './serviceDeps.js';
import { taskFilter } from './taskQuery.js';
import type { CallContext, TaskDetails, TaskListQuery, TaskPage } from './types.js';

type Row = Record<string, unknown>;

export async function resolveInScope(
  deps: ServiceDeps,
  projectName: string,
  ctx: CallContext,
  opts: CallOptions,
): Promise<ProjectRef> {
  if (!ctx.scope.allows(projectName)) throw new NotFoundError(`Project not found: ${projectName}`);
  return deps.projects.resolve(projectName, opts);
}

export async function listTasks(
  deps: ServiceDeps,
  projectName: string,
  query: TaskListQuery,
  ctx: CallContext,
): Promise<TaskPage> {
  if (!ctx.scope.allows(projectName)) throw new NotFoundError(`Project not found: ${projectName}`);
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? 50;
  const tree = query.include_subprojects === true;
  return cachedRead(
    deps,
    ctx,
    ['listTasks', projectName, normalizeQuery({ ...query, page, page_size: pageSize })],
    [tree ? tags.tasksUnder(projectName) : tags.tasksOf(projectName)],
    async (opts) => {
      const project = await deps.projects.resolve(projectName, opts);
      const where: Row = { ...taskFilter(query), project: [project.id] };
      if (tree) {
        if (ctx.scope.all) where.include_subprojects = true;
        else
          where.project = [
            project.id,
            ...(await allowedProjectIds(
              deps,
              { parent: [project.id], search_hidden: false },
              ctx,
              opts,
            )),
          ];
      }
      const { rows, hasMore } = await fetchListPage(
        deps,
        'tasks.get_all_ex',
        where,
        TASK_LIST_FIELDS,
        page,
        pageSize,
        opts,
      );
      return {
        items: rows.map((r) => parseTaskSummary(r, deps.urls)),
        page,
        page_size: pageSize,
        has_more: hasMore,
      };
    },
  );
}

/** One task in full, fetched by id (no cache): used after a create and by getTask. */
export async function fetchTaskDetails(
  deps: ServiceDeps,
  taskId: string,
  opts: CallOptions,
): Promise<Row | undefined> {
  const data = await clearml<{ tasks?: Row[] }>(
    deps,
    'tasks.get_all_ex',
    { id: [taskId], only_fields: TASK_DETAIL_FIELDS, search_hidden: true, page: 0, page_size: 1 },
    opts,
  );
  return data.tasks?.find((t) => t.id === taskId);
}

export async function getTask(
  deps: ServiceDeps,
  projectName: string,
  taskId: string,
  ctx: CallContext,
): Promise<TaskDetails> {
  if (!ctx.scope.allows(projectName)) throw new NotFoundError(`Project not found: ${projectName}`);
  return cachedRead(
    deps,
    ctx,
    ['getTask', projectName, taskId],
    [tags.tasksOf(projectName)],
    async (opts) => {
      const project = await deps.projects.resolve(projectName, opts);
      const row = await fetchTaskDetails(deps, taskId, opts);
      // A task of another project is "not found" here, as if it did not exist.
      if (!row || ref(row.project)?.id !== project.id) {
        throw new NotFoundError(`Task not found in project ${projectName}: ${taskId}`);
      }
      return parseTaskDetails(row, deps.urls);
    },
  );
}
