import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext';
import type { ApiClient } from './createApiClient';
import { queryKeys } from './queryKeys';
import type { ProjectsParams } from './types';
import { unwrap } from './unwrap';

export function projectsQuery(api: ApiClient, params: ProjectsParams) {
  return queryOptions({
    queryKey: queryKeys.projects(params),
    queryFn: ({ signal }) => unwrap(api.GET('/projects', { params: { query: params }, signal })),
    staleTime: 30_000,
  });
}

export function useProjects(params: ProjectsParams, enabled = true) {
  return useQuery({ ...projectsQuery(useApi(), params), enabled });
}

export function projectQuery(api: ApiClient, name: string) {
  return queryOptions({
    queryKey: queryKeys.project(name),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/projects/{project_name}', { params: { path: { project_name: name } }, signal }),
      ),
    staleTime: 30_000,
  });
}

export function useProject(name: string | null) {
  const api = useApi();
  return useQuery({ ...projectQuery(api, name ?? ''), enabled: Boolean(name) });
}
