import { MODEL_LIST_FIELDS } from '../src/clearml/parseModel.js';
import { PROJECT_LIST_FIELDS } from '../src/clearml/parseProject.js';
import { nextChildrenQuery } from '../src/clearml/projectReads.js';
import { TASK_LIST_FIELDS } from '../src/clearml/parseTask.js';
import { taskFilter } from '../src/clearml/taskQuery.js';
import type { TaskListQuery } from '../src/clearml/types.js';

export const PAGE_SIZE = 50;

export type Row = Record<string, unknown>;

/** Follow-up calls a direct list may make (the bench's data needs at most 2; checked first). */
export const MAX_FOLLOW_UPS = 4;

/** One request of a list: a sort order and a page (50 rows). */
export interface Variant {
  sort: string;
  page: number;
}

/** One list the benchmark measures: the proxy's URL and the ClearML call for the same rows. */
export interface ListWorkload {
  name: string;
  /** Distinct requests cycled through by a load run: more than the connections, so that no
   * two requests in flight are identical and nothing can be shared (coalesced) by accident. */
  variants: Variant[];
  proxyPath(v: Variant): string;
  endpoint: string;
  /** The rows' key in the answer's `data`. */
  rowsKey: string;
  /** The body the proxy sends for this page (filters, order, projection), built by its own code. */
  directBody(v: Variant, projection?: boolean): Record<string, unknown>;
  /**
   * The further ClearML calls a direct client needs for the same answer: `/projects` says which
   * projects have children, and ClearML's page does not. `next` gets the page's rows and the
   * follow-up answers so far, and gives the next call's body, or null when the data is complete.
   */
  followUp?: { endpoint: string; next(rows: Row[], answers: Row[][]): Row | null };
}

const PAGES = 10;

/** Every sort × pages 1..10. The sorts are ones the proxy passes to ClearML unchanged. */
function variants(sorts: string[]): Variant[] {
  return sorts.flatMap((sort) => Array.from({ length: PAGES }, (_, i) => ({ sort, page: i + 1 })));
}

const both = (fields: string[]) => fields.flatMap((f) => [f, `-${f}`]);

/** ClearML paging as the proxy does it: 0-based page of the same size, so offsets line up. */
function paging(page: number) {
  return { page: page - 1, page_size: PAGE_SIZE };
}

const query = (v: Variant) =>
  `sort=${encodeURIComponent(v.sort)}&page=${v.page}&page_size=${PAGE_SIZE}`;

export function taskWorkload(projectName: string, projectId: string): ListWorkload {
  return {
    name: `tasks of "${projectName}"`,
    variants: variants(both(['last_update', 'created', 'name', 'status', 'type'])),
    proxyPath: (v) => `/projects/${encodeURIComponent(projectName)}/tasks?${query(v)}`,
    endpoint: 'tasks.get_all_ex',
    rowsKey: 'tasks',
    directBody: (v, projection = true) => ({
      ...taskFilter({ sort: v.sort as TaskListQuery['sort'] }),
      project: [projectId],
      ...(projection ? { only_fields: TASK_LIST_FIELDS } : {}),
      ...paging(v.page),
    }),
  };
}

export function projectWorkload(): ListWorkload {
  return {
    name: '/projects',
    variants: variants(both(['name', 'created', 'last_update'])),
    proxyPath: (v) => `/projects?${query(v)}`,
    endpoint: 'projects.get_all_ex',
    rowsKey: 'projects',
    directBody: (v, projection = true) => ({
      search_hidden: false,
      order_by: [v.sort],
      ...(projection ? { only_fields: PROJECT_LIST_FIELDS } : {}),
      ...paging(v.page),
    }),
    // has_children: the page's children, asked as the proxy asks (usually one call).
    followUp: { endpoint: 'projects.get_all_ex', next: nextChildrenQuery },
  };
}

export function modelWorkload(): ListWorkload {
  return {
    name: '/models',
    variants: variants(both(['last_update', 'created', 'name', 'framework'])),
    proxyPath: (v) => `/models?${query(v)}`,
    endpoint: 'models.get_all_ex',
    rowsKey: 'models',
    directBody: (v, projection = true) => ({
      order_by: [v.sort],
      system_tags: ['-archived'],
      ...(projection ? { only_fields: MODEL_LIST_FIELDS } : {}),
      ...paging(v.page),
    }),
  };
}

/**
 * The follow-up answers for one page's rows, asked in turn through `call` (which gives a call's
 * rows, or undefined to stop). `complete` is false when `call` stopped or MAX_FOLLOW_UPS ran out.
 */
export async function askFollowUps(
  followUp: NonNullable<ListWorkload['followUp']>,
  rows: Row[],
  call: (body: Row) => Promise<Row[] | undefined>,
): Promise<{ answers: Row[][]; complete: boolean }> {
  const answers: Row[][] = [];
  for (let body = followUp.next(rows, answers); body; body = followUp.next(rows, answers)) {
    const answer = answers.length < MAX_FOLLOW_UPS ? await call(body) : undefined;
    if (!answer) return { answers, complete: false };
    answers.push(answer);
  }
  return { answers, complete: true };
}
