import type { ModelListParams, ModelSort } from '../../api/types';

/** The model list's view (filters, sort, page) as it lives in the URL's query string. */
export interface ModelListState {
  project: string;
  framework: string[];
  tag: string[];
  published: 'any' | 'published' | 'draft';
  search: string;
  sort: ModelSort;
  page: number;
  pageSize: number;
}

export const MODEL_SORT_FIELDS = ['name', 'framework', 'created', 'last_update'] as const;
const SORTS: readonly string[] = MODEL_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);
export const DEFAULT_MODEL_SORT: ModelSort = '-last_update';

export const INITIAL_MODEL_LIST_STATE: ModelListState = {
  project: '',
  framework: [],
  tag: [],
  published: 'any',
  search: '',
  sort: DEFAULT_MODEL_SORT,
  page: 1,
  pageSize: 50,
};

function positiveInt(text: string | null, fallback: number, max: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
}

const bounded = (values: string[], max: number) =>
  values.filter((v) => v.length > 0 && v.length <= max);

export function parseModelListState(search: string): ModelListState {
  const query = new URLSearchParams(search);
  const sort = query.get('sort') ?? '';
  const published = query.get('published');
  return {
    project: (query.get('project') ?? '').slice(0, 1024),
    framework: bounded(query.getAll('framework'), 128),
    tag: bounded(query.getAll('tag'), 128),
    published: published === 'published' || published === 'draft' ? published : 'any',
    search: (query.get('search') ?? '').slice(0, 256),
    sort: SORTS.includes(sort) ? (sort as ModelSort) : DEFAULT_MODEL_SORT,
    page: positiveInt(query.get('page'), 1, 100_000),
    pageSize: positiveInt(query.get('page_size'), INITIAL_MODEL_LIST_STATE.pageSize, 500),
  };
}

/** Only what differs from the defaults goes into the URL, so plain links stay plain. */
export function formatModelListState(state: ModelListState): string {
  const query = new URLSearchParams();
  if (state.project) query.set('project', state.project);
  for (const f of state.framework) query.append('framework', f);
  for (const t of state.tag) query.append('tag', t);
  if (state.published !== 'any') query.set('published', state.published);
  if (state.search) query.set('search', state.search);
  if (state.sort !== DEFAULT_MODEL_SORT) query.set('sort', state.sort);
  if (state.page !== 1) query.set('page', String(state.page));
  if (state.pageSize !== INITIAL_MODEL_LIST_STATE.pageSize) {
    query.set('page_size', String(state.pageSize));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function toModelListParams(state: ModelListState): ModelListParams {
  return {
    ...(state.project ? { project: state.project } : {}),
    ...(state.framework.length ? { framework: state.framework } : {}),
    ...(state.tag.length ? { tag: state.tag } : {}),
    ...(state.published !== 'any' ? { published: state.published === 'published' } : {}),
    ...(state.search ? { search: state.search } : {}),
    sort: state.sort,
    page: state.page,
    page_size: state.pageSize,
  };
}
