import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiContext';
import { queryKeys } from './queryKeys';
import type { TaskCreate } from './types';
import { unwrap } from './unwrap';

export interface CreateTaskVariables {
  projectName: string;
  body: TaskCreate;
  /** The same key for every retry of one logical submission (see useIdempotencyKey). */
  idempotencyKey: string;
}

export function useCreateTask() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectName, body, idempotencyKey }: CreateTaskVariables) =>
      unwrap(
        api.POST('/projects/{project_name}/tasks/create', {
          params: {
            path: { project_name: projectName },
            header: { 'Idempotency-Key': idempotencyKey },
          },
          body,
        }),
      ),
    onSuccess: async (task, { projectName }) => {
      queryClient.setQueryData(queryKeys.task(projectName, task.id), task);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.projectTasks(projectName) }),
        // A project created on the way now exists (tree, existence checks).
        queryClient.invalidateQueries({ queryKey: ['clearml', 'projects'] }),
      ]);
    },
  });
}
