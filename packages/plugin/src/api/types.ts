// Names for the generated schema types the panel uses; nothing is re-declared by hand.
import type { components, operations } from '@cvat-clearml/proxy/openapi-types';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type Session = Schemas['Session'];
export type Project = Schemas['Project'];
export type ProjectPage = Schemas['ProjectPage'];
export type TaskSummary = Schemas['TaskSummary'];
export type TaskPage = Schemas['TaskPage'];
export type TaskDetails = Schemas['TaskDetails'];
export type TaskCreate = Schemas['TaskCreate'];
export type TaskStatus = Schemas['TaskStatus'];
export type TaskType = Schemas['TaskType'];
export type CvatLink = Schemas['CvatLink'];
export type Model = Schemas['Model'];
export type ModelPage = Schemas['ModelPage'];
export type ModelDetails = Schemas['ModelDetails'];

type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type ProjectsParams = Query<'listProjects'>;
export type TaskListParams = Query<'listProjectTasks'>;
export type TaskSort = NonNullable<TaskListParams['sort']>;
export type ModelListParams = Query<'listModels'>;
export type ModelSort = NonNullable<ModelListParams['sort']>;

export const TASK_STATUSES: readonly TaskStatus[] = [
  'created',
  'queued',
  'in_progress',
  'stopped',
  'published',
  'publishing',
  'closed',
  'failed',
  'completed',
  'unknown',
];

export const TASK_TYPES: readonly TaskType[] = [
  'training',
  'testing',
  'inference',
  'data_processing',
  'application',
  'monitor',
  'controller',
  'optimizer',
  'service',
  'qc',
  'custom',
];
