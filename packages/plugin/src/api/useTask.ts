import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext';
import type { ApiClient } from './createApiClient';
import { queryKeys } from './queryKeys';
import { unwrap } from './unwrap';
import { LIVE_REFRESH_MS } from './useProjectTasks';

export function taskQuery(api: ApiClient, projectName: string, taskId: string) {
  return queryOptions({
    queryKey: queryKeys.task(projectName, taskId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/projects/{project_name}/tasks/{task_id}', {
          params: { path: { project_name: projectName, task_id: taskId } },
          signal,
        }),
      ),
  });
}

export function useTask(projectName: string, taskId: string | null) {
  return useQuery({
    ...taskQuery(useApi(), projectName, taskId ?? ''),
    enabled: Boolean(taskId),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'in_progress' || status === 'queued' ? LIVE_REFRESH_MS : false;
    },
    refetchIntervalInBackground: false,
  });
}
