import { NotFoundError } from '../errors/index.js';
import { allowedProjectIds } from './allowedProjectIds.js';
import type { CallOptions } from './createClearmlClient.js';
import { containsCaselessPattern } from './escapeRegex.js';
import { fetchListPage } from './fetchListPage.js';
import {
  MODEL_DETAIL_FIELDS,
  MODEL_LIST_FIELDS,
  parseModel,
  parseModelDetails,
} from './parseModel.js';
import { orderBy } from './orderBy.js';
import { cachedRead, clearml, normalizeQuery, tags, type ServiceDeps } from './serviceDeps.js';
import { tagFilter } from './taskQuery.js';
import type { CallContext, ModelDetails, ModelListQuery, ModelPage } from './types.js';

type Row = Record<string, unknown>;

const MODEL_SORT: Record<string, string> = {
  name: 'name',
  framework: 'framework',
  created: 'created',
  last_update: 'last_update',
};

/**
 * With a limited scope, the ids of every project the caller may see (ClearML filters models
 * by project id, not by our name patterns). Undefined = no restriction.
 */
async function scopedProjectIds(
  deps: ServiceDeps,
  ctx: CallContext,
  opts: CallOptions,
): Promise<string[] | undefined> {
  if (ctx.scope.all) return undefined;
  return cachedRead(deps, ctx, ['scopedProjectIds'], [tags.projectLists], () =>
    allowedProjectIds(deps, { search_hidden: true }, ctx, opts),
  );
}

export async function listModels(
  deps: ServiceDeps,
  query: ModelListQuery,
  ctx: CallContext,
): Promise<ModelPage> {
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? 50;
  if (query.project !== undefined && !ctx.scope.allows(query.project)) {
    throw new NotFoundError(`Project not found: ${query.project}`);
  }
  return cachedRead(
    deps,
    ctx,
    ['listModels', normalizeQuery({ ...query, page, page_size: pageSize })],
    [],
    async (opts) => {
      const where: Row = { order_by: orderBy(query.sort, MODEL_SORT, '-last_update') };
      if (query.project !== undefined) {
        where.project = [(await deps.projects.resolve(query.project, opts)).id];
      } else {
        const ids = await scopedProjectIds(deps, ctx, opts);
        if (ids?.length === 0) return { items: [], page, page_size: pageSize, has_more: false };
        if (ids) where.project = ids;
      }
      if (query.framework?.length) where.framework = [...query.framework];
      const tagList = tagFilter([], query.tag ?? []);
      if (tagList) where.tags = tagList;
      if (query.published !== undefined) where.ready = query.published;
      if (query.task_id !== undefined) where.task = [query.task_id];
      if (query.search) {
        where._any_ = {
          pattern: containsCaselessPattern(query.search),
          fields: ['name', 'id', 'comment'],
        };
      }
      if (query.include_archived !== true) where.system_tags = ['-archived'];
      const { rows, hasMore } = await fetchListPage(
        deps,
        'models.get_all_ex',
        where,
        MODEL_LIST_FIELDS,
        page,
        pageSize,
        opts,
      );
      return {
        items: rows.map((r) => parseModel(r, deps.urls)),
        page,
        page_size: pageSize,
        has_more: hasMore,
      };
    },
  );
}

export async function getModel(
  deps: ServiceDeps,
  modelId: string,
  ctx: CallContext,
): Promise<ModelDetails> {
  return cachedRead(deps, ctx, ['getModel', modelId], [], async (opts) => {
    const data = await clearml<{ models?: Row[] }>(
      deps,
      'models.get_all_ex',
      { id: [modelId], only_fields: MODEL_DETAIL_FIELDS, page: 0, page_size: 1 },
      opts,
    );
    const row = data.models?.find((m) => m.id === modelId);
    const model = row && parseModelDetails(row, deps.urls);
    // Outside the scope (or in no project while the scope is limited) = does not exist.
    const visible =
      model &&
      (ctx.scope.all || (model.project_name !== null && ctx.scope.allows(model.project_name)));
    if (!model || !visible) throw new NotFoundError(`Model not found: ${modelId}`);
    return model;
  });
}

export async function listFrameworks(deps: ServiceDeps, ctx: CallContext): Promise<string[]> {
  return cachedRead(deps, ctx, ['listFrameworks'], [], async (opts) => {
    const ids = await scopedProjectIds(deps, ctx, opts);
    if (ids?.length === 0) return [];
    const data = await clearml<{ frameworks?: unknown }>(
      deps,
      'models.get_frameworks',
      ids ? { projects: ids } : {},
      opts,
    );
    const list = Array.isArray(data.frameworks) ? data.frameworks : [];
    return [...new Set(list.filter((f): f is string => typeof f === 'string' && f !== ''))].sort();
  });
}
