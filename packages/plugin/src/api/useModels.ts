import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext';
import type { ApiClient } from './createApiClient';
import { queryKeys } from './queryKeys';
import type { ModelListParams } from './types';
import { unwrap } from './unwrap';

export function modelsQuery(api: ApiClient, filters: ModelListParams) {
  return queryOptions({
    queryKey: queryKeys.models(filters),
    queryFn: ({ signal }) => unwrap(api.GET('/models', { params: { query: filters }, signal })),
  });
}

export function useModels(filters: ModelListParams) {
  return useQuery({ ...modelsQuery(useApi(), filters), placeholderData: keepPreviousData });
}

export function modelQuery(api: ApiClient, modelId: string) {
  return queryOptions({
    queryKey: queryKeys.model(modelId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/models/{model_id}', { params: { path: { model_id: modelId } }, signal })),
  });
}

export function useModel(modelId: string | null) {
  return useQuery({ ...modelQuery(useApi(), modelId ?? ''), enabled: Boolean(modelId) });
}

export function frameworksQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.frameworks(),
    queryFn: ({ signal }) => unwrap(api.GET('/models/frameworks', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useFrameworks() {
  return useQuery(frameworksQuery(useApi()));
}
