import type { ModelListParams, ProjectsParams, TaskListParams } from './types';

// Every key starts with 'clearml' so a host can drop the panel's whole cache at once.
export const queryKeys = {
  all: ['clearml'] as const,
  session: () => ['clearml', 'session'] as const,
  projects: (params: ProjectsParams) => ['clearml', 'projects', 'list', params] as const,
  project: (name: string) => ['clearml', 'projects', 'one', name] as const,
  projectTasks: (project: string) => ['clearml', 'tasks', project] as const,
  tasks: (project: string, params: TaskListParams) =>
    ['clearml', 'tasks', project, 'list', params] as const,
  task: (project: string, id: string) => ['clearml', 'tasks', project, 'one', id] as const,
  models: (params: ModelListParams) => ['clearml', 'models', 'list', params] as const,
  model: (id: string) => ['clearml', 'models', 'one', id] as const,
  frameworks: () => ['clearml', 'models', 'frameworks'] as const,
};
