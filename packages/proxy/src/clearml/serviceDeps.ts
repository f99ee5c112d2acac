import type { CallOptions, ClearmlClient } from './createClearmlClient.js';
import type { LogLine } from './createClearmlTransport.js';
import type { ProjectResolver } from './createProjectResolver.js';
import type { ReadCache } from './createReadCache.js';
import { toHttpError } from './toHttpError.js';
import type { CallContext } from './types.js';
import type { WebUrls } from './webUrls.js';

/** What the service's parts share; built once in createClearmlService. */
export interface ServiceDeps {
  client: ClearmlClient;
  cache: ReadCache;
  projects: ProjectResolver;
  urls: WebUrls;
  now: () => number;
  log: LogLine;
  readRetryBudgetMs: number;
}

/** A ClearML call whose failures arrive as src/errors' named errors. */
export async function clearml<T = Record<string, unknown>>(
  deps: ServiceDeps,
  endpoint: string,
  body: Record<string, unknown>,
  opts: CallOptions,
  notFoundDetail?: string,
): Promise<T> {
  try {
    return (await deps.client.call(endpoint, body, opts)) as T;
  } catch (err) {
    throw toHttpError(err, notFoundDetail);
  }
}

export function readOpts(ctx: CallContext): CallOptions {
  return { kind: 'read', signal: ctx.signal, requestId: ctx.requestId };
}

/**
 * A cached, coalesced read. The shared load does not carry any one caller's signal (one
 * caller leaving must not fail the others); each caller still stops waiting on its own.
 */
export function cachedRead<T>(
  deps: ServiceDeps,
  ctx: CallContext,
  key: readonly unknown[],
  tags: readonly string[],
  load: (opts: CallOptions) => Promise<T>,
): Promise<T> {
  const fullKey = JSON.stringify([...key, ctx.scope.key]);
  const shared = deps.cache.get(fullKey, tags, () =>
    load({ kind: 'read', requestId: ctx.requestId }),
  );
  return withSignal(shared, ctx.signal);
}

function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(toHttpError(new Error('cancelled')));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Query values that are sets (status, tags…) in one order, so equal filters share a key. */
export function normalizeQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(query).sort()) {
    const v = query[key];
    if (v === undefined) continue;
    out[key] = Array.isArray(v) ? [...new Set(v.map(String))].sort() : v;
  }
  return out;
}

/** Cache tags: what a create in a project makes stale. */
export const tags = {
  projectLists: 'projects',
  tasksOf: (projectName: string) => `tasks:${projectName}`,
  tasksUnder: (projectName: string) => `tasks-tree:${projectName}`,
};

/** The tags a new task in this project invalidates: its lists, its ancestors' tree lists, projects. */
export function tagsForCreateIn(projectName: string): string[] {
  const out = [tags.projectLists, tags.tasksOf(projectName)];
  const parts = projectName.split('/');
  for (let i = parts.length; i >= 1; i--) out.push(tags.tasksUnder(parts.slice(0, i).join('/')));
  return out;
}
