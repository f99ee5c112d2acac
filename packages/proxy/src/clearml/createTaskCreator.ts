import { ConflictError, InputError, NotFoundError, UpstreamError } from '../errors/index.js';
import {
  buildTaskCreateBody,
  IDEMPOTENCY_HASH_PREFIX,
  idempotencyTag,
  requestHash,
} from './buildTaskCreateBody.js';
import { ClearmlCallFailure } from './ClearmlCallFailure.js';
import type { CallOptions } from './createClearmlClient.js';
import type { ProjectRef } from './createProjectResolver.js';
import { parseTaskDetails } from './parseTask.js';
import { strings } from './parseValues.js';
import { readOpts, tagsForCreateIn, type ServiceDeps } from './serviceDeps.js';
import { sleep } from './sleep.js';
import { fetchTaskDetails } from './taskReads.js';
import { toHttpError } from './toHttpError.js';
import type { CallContext, CreateTaskOptions, CreateTaskResult, TaskCreate } from './types.js';

type Row = Record<string, unknown>;

/** How often to look for a task whose create answer was lost, before creating it again. */
const LOOKUPS_AFTER_LOST_ANSWER = 3;

export type TaskCreator = (
  projectName: string,
  body: TaskCreate,
  opts: CreateTaskOptions,
  ctx: CallContext,
) => Promise<CreateTaskResult>;

/**
 * Creates tasks without duplicates or losses. The Idempotency-Key lives on the ClearML task
 * (a system tag), so a repeat finds the first task after a restart or on another replica;
 * a create whose answer is lost is looked up by its key before it is ever sent again.
 */
export function createTaskCreator(deps: ServiceDeps): TaskCreator {
  // One submission per key at a time in this process; others wait and then replay it.
  const perKey = new Map<string, Promise<unknown>>();

  async function call(endpoint: string, body: Row, opts: CallOptions): Promise<Row> {
    return (await deps.client.call(endpoint, body, opts)) as Row;
  }

  async function findByKey(key: string, ctx: CallContext): Promise<Row | undefined> {
    let data: Row;
    try {
      data = await call(
        'tasks.get_all_ex',
        {
          system_tags: [idempotencyTag(key)],
          search_hidden: true,
          only_fields: ['id', 'system_tags'],
          order_by: ['created'],
          page: 0,
          page_size: 1,
        },
        readOpts(ctx),
      );
    } catch (err) {
      throw toHttpError(err);
    }
    const tasks = Array.isArray(data.tasks) ? (data.tasks as Row[]) : [];
    return tasks[0];
  }

  async function details(id: string, ctx: CallContext) {
    const row = await fetchTaskDetails(deps, id, readOpts(ctx));
    if (!row) throw new UpstreamError('ClearML did not return the task it created');
    return parseTaskDetails(row, deps.urls);
  }

  async function ensureProject(
    name: string,
    create: boolean,
    ctx: CallContext,
  ): Promise<ProjectRef> {
    const found = await deps.projects.find(name, readOpts(ctx));
    if (found) return found;
    if (!create) throw new NotFoundError(`Project not found: ${name}`);
    try {
      await call('projects.create', { name }, { ...readOpts(ctx), kind: 'write' });
    } catch (err) {
      const f = err instanceof ClearmlCallFailure ? err : undefined;
      const duplicate = f?.kind === 'api' && f.status === 400 && f.subcode === 801;
      if (f?.kind === 'api' && f.status === 400 && !duplicate) {
        throw new InputError(`ClearML cannot create a project named ${JSON.stringify(name)}`, [
          {
            in: 'path',
            name: 'project_name',
            message: 'not a valid ClearML project name (each part at least 3 characters)',
          },
        ]);
      }
      // Lost answers and creates racing ours: whoever made it, the project may now exist.
      if (!duplicate && !f?.ambiguous) throw toHttpError(err);
    }
    deps.cache.invalidate(tagsForCreateIn(name));
    deps.projects.forget(name);
    const made = await deps.projects.find(name, readOpts(ctx));
    if (!made) throw new NotFoundError(`Project not found: ${name}`);
    return made;
  }

  async function createOnce(request: Row, ctx: CallContext): Promise<string> {
    const data = await call('tasks.create', request, { ...readOpts(ctx), kind: 'write' });
    if (typeof data.id !== 'string')
      throw new UpstreamError('ClearML did not say which task it created');
    return data.id;
  }

  async function submit(
    projectName: string,
    body: TaskCreate,
    key: string | undefined,
    ctx: CallContext,
  ): Promise<CreateTaskResult> {
    const hash = requestHash(projectName, body);
    if (key) {
      const existing = await findByKey(key, ctx);
      if (existing) {
        if (!strings(existing.system_tags).includes(`${IDEMPOTENCY_HASH_PREFIX}${hash}`)) {
          throw new ConflictError('This Idempotency-Key was already used for a different request');
        }
        return { task: await details(String(existing.id), ctx), replayed: true };
      }
    }
    const project = await ensureProject(projectName, body.create_project === true, ctx);
    const request = buildTaskCreateBody(project.id, body, key ? { key, hash } : undefined);
    let id: string;
    try {
      id = await createOnce(request, ctx);
    } catch (err) {
      if (!key || !(err instanceof ClearmlCallFailure) || !err.ambiguous) {
        throw mapCreateFailure(err, projectName);
      }
      // The answer was lost: ClearML may have created the task. Look before creating again.
      const found = await lookAgain(key, ctx);
      if (found) {
        id = String(found.id);
      } else {
        try {
          id = await createOnce(request, ctx);
        } catch (again) {
          throw mapCreateFailure(again, projectName);
        }
      }
    }
    deps.cache.invalidate(tagsForCreateIn(projectName));
    return { task: await details(id, ctx), replayed: false };
  }

  async function lookAgain(key: string, ctx: CallContext): Promise<Row | undefined> {
    const deadline = deps.now() + deps.readRetryBudgetMs;
    for (let i = 0; i < LOOKUPS_AFTER_LOST_ANSWER; i++) {
      const found = await findByKey(key, ctx).catch(() => undefined);
      if (found) return found;
      const pause = 100 * 2 ** i;
      if (i === LOOKUPS_AFTER_LOST_ANSWER - 1 || deps.now() + pause >= deadline) break;
      await sleep(pause, ctx.signal);
    }
    return undefined;
  }

  function mapCreateFailure(err: unknown, projectName: string): Error {
    if (err instanceof ClearmlCallFailure && err.kind === 'api' && err.subcode === 16) {
      deps.projects.forget(projectName); // the project went away under us
      return Object.assign(new NotFoundError(`Project not found: ${projectName}`), {
        trx: err.trx,
      });
    }
    return toHttpError(err);
  }

  return async (projectName, body, opts, ctx) => {
    if (!ctx.scope.allows(projectName))
      throw new NotFoundError(`Project not found: ${projectName}`);
    const key = opts.idempotencyKey;
    if (!key) return submit(projectName, body, undefined, ctx);
    const before = perKey.get(key) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => submit(projectName, body, key, ctx));
    perKey.set(key, run);
    try {
      return await run;
    } finally {
      if (perKey.get(key) === run) perKey.delete(key);
    }
  };
}
