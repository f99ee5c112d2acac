import { containsCaselessPattern } from './escapeRegex.js';
import { orderBy } from './orderBy.js';
import type { TaskListQuery } from './types.js';

const TASK_SORT: Record<string, string> = {
  name: 'name',
  status: 'status',
  type: 'type',
  // Tasks keep the user's id; ClearML cannot sort by the joined name. Sorting by id still
  // groups each user's tasks together, which is what the column is used for.
  user: 'user',
  created: 'created',
  started: 'started',
  last_update: 'last_update',
  last_iteration: 'last_iteration',
};

export const cvatTaskTag = (cvatTaskId: number) => `cvat-task:${cvatTaskId}`;

/**
 * A list filter that must contain `all` and at least one of `any`, in ClearML's operator
 * form (the first operator, `__$all`, makes the groups combine with AND). The operator form
 * also keeps a tag that starts with `-` from being read as an exclusion.
 */
export function tagFilter(all: string[], any: string[]): string[] | undefined {
  if (all.length === 0 && any.length === 0) return undefined;
  const out: string[] = [];
  if (all.length > 0) out.push('__$all', ...all);
  if (any.length > 0) out.push('__$any', ...any);
  return out;
}

/** The contract's task filters → tasks.get_all_ex request fields (project ids come apart). */
export function taskFilter(query: TaskListQuery): Record<string, unknown> {
  const body: Record<string, unknown> = {
    order_by: orderBy(query.sort, TASK_SORT, '-last_update'),
  };
  if (query.status?.length) body.status = [...query.status];
  if (query.type?.length) body.type = [...query.type];
  const tags = tagFilter(
    query.cvat_task_id !== undefined ? [cvatTaskTag(query.cvat_task_id)] : [],
    query.tag ?? [],
  );
  if (tags) body.tags = tags;
  if (query.search) {
    body._any_ = {
      pattern: containsCaselessPattern(query.search),
      fields: ['name', 'id', 'comment'],
    };
  }
  if (query.include_archived !== true) body.system_tags = ['-archived'];
  return body;
}
