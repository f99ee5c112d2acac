import { MODEL_LIST_FIELDS } from '../src/clearml/parseModel.js';
import { PROJECT_LIST_FIELDS } from '../src/clearml/parseProject.js';
import { TASK_LIST_FIELDS } from '../src/clearml/parseTask.js';
import { taskFilter } from '../src/clearml/taskQuery.js';

export const PAGE_SIZE = 50;

/** One list the benchmark measures: the proxy's URL and the ClearML call for the same rows. */
export interface ListWorkload {
  name: string;
  proxyPath(page: number): string;
  endpoint: string;
  /** The rows' key in the answer's `data`. */
  rowsKey: string;
  /** The body the proxy sends for this page (filters, order, projection), built by its own code. */
  directBody(page: number, projection?: boolean): Record<string, unknown>;
}

/** ClearML paging as the proxy does it: 0-based page of the same size, so offsets line up. */
function paging(page: number) {
  return { page: page - 1, page_size: PAGE_SIZE };
}

export function taskWorkload(projectName: string, projectId: string): ListWorkload {
  return {
    name: `tasks of "${projectName}"`,
    proxyPath: (page) =>
      `/projects/${encodeURIComponent(projectName)}/tasks?page=${page}&page_size=${PAGE_SIZE}`,
    endpoint: 'tasks.get_all_ex',
    rowsKey: 'tasks',
    directBody: (page, projection = true) => ({
      ...taskFilter({}),
      project: [projectId],
      ...(projection ? { only_fields: TASK_LIST_FIELDS } : {}),
      ...paging(page),
    }),
  };
}

export function projectWorkload(): ListWorkload {
  return {
    name: '/projects',
    proxyPath: (page) => `/projects?page=${page}&page_size=${PAGE_SIZE}`,
    endpoint: 'projects.get_all_ex',
    rowsKey: 'projects',
    directBody: (page, projection = true) => ({
      search_hidden: false,
      order_by: ['name'],
      ...(projection ? { only_fields: PROJECT_LIST_FIELDS } : {}),
      ...paging(page),
    }),
  };
}

export function modelWorkload(): ListWorkload {
  return {
    name: '/models',
    proxyPath: (page) => `/models?page=${page}&page_size=${PAGE_SIZE}`,
    endpoint: 'models.get_all_ex',
    rowsKey: 'models',
    directBody: (page, projection = true) => ({
      order_by: ['-last_update'],
      system_tags: ['-archived'],
      ...(projection ? { only_fields: MODEL_LIST_FIELDS } : {}),
      ...paging(page),
    }),
  };
}
