import { checkHealth } from './checkHealth.js';
import { createClearmlClient } from './createClearmlClient.js';
import type { LogLine } from './createClearmlTransport.js';
import { createProjectResolver } from './createProjectResolver.js';
import { createReadCache } from './createReadCache.js';
import { createTaskCreator } from './createTaskCreator.js';
import { getModel, listFrameworks, listModels } from './modelReads.js';
import { getProject, listProjects } from './projectReads.js';
import type { ServiceDeps } from './serviceDeps.js';
import { getTask, listTasks } from './taskReads.js';
import type { ClearmlService } from './types.js';
import { createWebUrls } from './webUrls.js';

export interface ClearmlServiceOptions {
  apiHost: string;
  /** ClearML's web UI; undefined → every web_url is null. */
  webHost: string | undefined;
  accessKey: string;
  secretKey: string;
  /** Per upstream call (default 10000). */
  timeoutMs?: number;
  /** List and detail answers are reused this long (default 3000; 0 = off). */
  cacheTtlMs?: number;
  /** How long a read may keep retrying transient failures (default 4000). */
  readRetryBudgetMs?: number;
  /** How long a project name → id answer is trusted (default 30000). */
  projectIdTtlMs?: number;
  log: LogLine;
  now?: () => number;
  /** 0..1 for retry jitter (tests may fix it). */
  random?: () => number;
}

/** The ClearML side of the proxy: what routes call (see ./types.ts). */
export function createClearmlService(options: ClearmlServiceOptions): ClearmlService {
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const client = createClearmlClient({
    apiHost: options.apiHost,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    readRetryBudgetMs: options.readRetryBudgetMs ?? 4000,
    log: options.log,
    now,
    random: options.random,
  });
  const deps: ServiceDeps = {
    client,
    cache: createReadCache({ ttlMs: options.cacheTtlMs ?? 3000, now }),
    projects: createProjectResolver({ client, ttlMs: options.projectIdTtlMs ?? 30_000, now }),
    urls: createWebUrls(options.webHost),
    now,
    log: options.log,
    readRetryBudgetMs: options.readRetryBudgetMs ?? 4000,
  };
  const createTask = createTaskCreator(deps);

  return {
    health: () => checkHealth(client, now),
    listProjects: (query, ctx) => listProjects(deps, query, ctx),
    getProject: (name, ctx) => getProject(deps, name, ctx),
    listTasks: (name, query, ctx) => listTasks(deps, name, query, ctx),
    getTask: (name, taskId, ctx) => getTask(deps, name, taskId, ctx),
    createTask,
    listModels: (query, ctx) => listModels(deps, query, ctx),
    getModel: (modelId, ctx) => getModel(deps, modelId, ctx),
    listFrameworks: (ctx) => listFrameworks(deps, ctx),
    close: async () => {
      deps.cache.clear();
      client.close();
    },
  };
}
