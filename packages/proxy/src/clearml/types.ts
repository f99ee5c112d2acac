// The seam between the HTTP routes and ClearML. Routes validate input against openapi.yaml,
// then call a ClearmlService; the service speaks ClearML's wire protocol and answers in the
// contract's own types (generated from openapi.yaml: nothing is typed twice).
import type { components, operations } from '../generated/openapi.js';
import type { ProjectScope } from '../auth/types.js';

type Schemas = components['schemas'];
export type Project = Schemas['Project'];
export type ProjectPage = Schemas['ProjectPage'];
export type TaskSummary = Schemas['TaskSummary'];
export type TaskDetails = Schemas['TaskDetails'];
export type TaskPage = Schemas['TaskPage'];
export type TaskCreate = Schemas['TaskCreate'];
export type Model = Schemas['Model'];
export type ModelDetails = Schemas['ModelDetails'];
export type ModelPage = Schemas['ModelPage'];
export type Health = Schemas['Health'];
export type TaskStatus = Schemas['TaskStatus'];
export type TaskType = Schemas['TaskType'];

/** Query parameters after validation and defaults (the route fills defaults from the spec). */
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
export type ProjectListQuery = Query<'listProjects'>;
export type TaskListQuery = Query<'listProjectTasks'>;
export type ModelListQuery = Query<'listModels'>;

/** Who is asking and what they may see; part of every cache key. */
export interface CallContext {
  scope: ProjectScope;
  /** Aborted when the caller goes away or the proxy shuts down. */
  signal?: AbortSignal;
  /** The proxy's request id: upstream calls send `X-ClearML-Trx: <requestId>-<n>`. */
  requestId?: string;
}

export interface CreateTaskOptions {
  /** Kept on the ClearML task (a system tag), so a repeat finds the first task. */
  idempotencyKey?: string;
}

export interface CreateTaskResult {
  task: TaskDetails;
  /** True when the key matched a task created by an earlier submission. */
  replayed: boolean;
}

export interface HealthResult {
  ok: boolean;
  reason?: string;
  clearml: Health['clearml'];
}

export interface ClearmlService {
  health(): Promise<HealthResult>;
  listProjects(query: ProjectListQuery, ctx: CallContext): Promise<ProjectPage>;
  getProject(projectName: string, ctx: CallContext): Promise<Project>;
  listTasks(projectName: string, query: TaskListQuery, ctx: CallContext): Promise<TaskPage>;
  getTask(projectName: string, taskId: string, ctx: CallContext): Promise<TaskDetails>;
  createTask(
    projectName: string,
    body: TaskCreate,
    opts: CreateTaskOptions,
    ctx: CallContext,
  ): Promise<CreateTaskResult>;
  listModels(query: ModelListQuery, ctx: CallContext): Promise<ModelPage>;
  getModel(modelId: string, ctx: CallContext): Promise<ModelDetails>;
  listFrameworks(ctx: CallContext): Promise<string[]>;
  /** Ends keep-alive sockets and timers. */
  close(): Promise<void>;
}
