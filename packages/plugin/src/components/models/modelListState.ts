import type { ModelListParams } from '../../api/types';

export interface ModelListState {
  project: string;
  framework: string[];
  tag: string[];
  published: 'any' | 'published' | 'draft';
  search: string;
  page: number;
  pageSize: number;
}

export const INITIAL_MODEL_LIST_STATE: ModelListState = {
  project: '',
  framework: [],
  tag: [],
  published: 'any',
  search: '',
  page: 1,
  pageSize: 50,
};

export function toModelListParams(state: ModelListState): ModelListParams {
  return {
    ...(state.project ? { project: state.project } : {}),
    ...(state.framework.length ? { framework: state.framework } : {}),
    ...(state.tag.length ? { tag: state.tag } : {}),
    ...(state.published !== 'any' ? { published: state.published === 'published' } : {}),
    ...(state.search ? { search: state.search } : {}),
    page: state.page,
    page_size: state.pageSize,
  };
}
