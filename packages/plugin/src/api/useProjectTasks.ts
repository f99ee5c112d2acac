import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext';
import type { ApiClient } from './createApiClient';
import { queryKeys } from './queryKeys';
import type { TaskListParams, TaskPage } from './types';
import { unwrap } from './unwrap';

/** How often a list holding running or pending tasks refreshes itself. */
export const LIVE_REFRESH_MS = 10_000;

export function projectTasksQuery(api: ApiClient, projectName: string, filters: TaskListParams) {
  return queryOptions({
    queryKey: queryKeys.tasks(projectName, filters),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/projects/{project_name}/tasks', {
          params: { path: { project_name: projectName }, query: filters },
          signal,
        }),
      ),
  });
}

export function hasLiveTasks(page: TaskPage | undefined): boolean {
  return Boolean(page?.items.some((t) => t.status === 'in_progress' || t.status === 'queued'));
}

export function useProjectTasks(projectName: string, filters: TaskListParams, enabled = true) {
  return useQuery({
    ...projectTasksQuery(useApi(), projectName, filters),
    enabled: enabled && projectName !== '',
    placeholderData: keepPreviousData,
    // Polling only while something can still change, and never in a hidden tab.
    refetchInterval: (query) => (hasLiveTasks(query.state.data) ? LIVE_REFRESH_MS : false),
    refetchIntervalInBackground: false,
  });
}
