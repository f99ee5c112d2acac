import {
  TASK_STATUSES,
  TASK_TYPES,
  type TaskListParams,
  type TaskSort,
  type TaskStatus,
  type TaskType,
} from '../../api/types';

/** The task list's view (filters, sort, page) as it lives in the URL's query string. */
export interface TaskListState {
  status: TaskStatus[];
  type: TaskType[];
  tag: string[];
  search: string;
  sort: TaskSort;
  page: number;
  pageSize: number;
  archived: boolean;
}

const SORTS: readonly TaskSort[] = [
  'name',
  'status',
  'type',
  'user',
  'created',
  'started',
  'last_update',
  'last_iteration',
].flatMap((field) => [field, `-${field}`] as TaskSort[]);

export const DEFAULT_TASK_SORT: TaskSort = '-last_update';
export const DEFAULT_PAGE_SIZE = 50;

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function positiveInt(text: string | null, fallback: number, max: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
}

export function parseTaskListState(search: string): TaskListState {
  const query = new URLSearchParams(search);
  const sort = query.get('sort') ?? '';
  return {
    status: oneOf(TASK_STATUSES, query.getAll('status')),
    type: oneOf(TASK_TYPES, query.getAll('type')),
    tag: query.getAll('tag').filter((t) => t.length > 0 && t.length <= 128),
    search: (query.get('search') ?? '').slice(0, 256),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as TaskSort) : DEFAULT_TASK_SORT,
    page: positiveInt(query.get('page'), 1, 100_000),
    pageSize: positiveInt(query.get('page_size'), DEFAULT_PAGE_SIZE, 500),
    archived: query.get('archived') === 'true',
  };
}

/** Only what differs from the defaults goes into the URL, so plain links stay plain. */
export function formatTaskListState(state: TaskListState): string {
  const query = new URLSearchParams();
  for (const s of state.status) query.append('status', s);
  for (const t of state.type) query.append('type', t);
  for (const t of state.tag) query.append('tag', t);
  if (state.search) query.set('search', state.search);
  if (state.sort !== DEFAULT_TASK_SORT) query.set('sort', state.sort);
  if (state.page !== 1) query.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) query.set('page_size', String(state.pageSize));
  if (state.archived) query.set('archived', 'true');
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function toTaskListParams(state: TaskListState): TaskListParams {
  return {
    ...(state.status.length ? { status: state.status } : {}),
    ...(state.type.length ? { type: state.type } : {}),
    ...(state.tag.length ? { tag: state.tag } : {}),
    ...(state.search ? { search: state.search } : {}),
    ...(state.archived ? { include_archived: true } : {}),
    sort: state.sort,
    page: state.page,
    page_size: state.pageSize,
  };
}
