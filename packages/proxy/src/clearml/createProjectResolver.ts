import { NotFoundError } from '../errors/index.js';
import type { CallOptions, ClearmlClient } from './createClearmlClient.js';
import { exactNamePattern } from './escapeRegex.js';
import { toHttpError } from './toHttpError.js';

export interface ProjectRef {
  id: string;
  name: string;
}

export interface ProjectResolver {
  /** The project with exactly this full path (hidden projects excluded), or NotFoundError. */
  resolve(name: string, opts: CallOptions): Promise<ProjectRef>;
  /** Like resolve, but undefined when there is none. */
  find(name: string, opts: CallOptions): Promise<ProjectRef | undefined>;
  /** Forget one name (after a create, or when its id turned out stale). */
  forget(name: string): void;
}

export interface ProjectResolverOptions {
  client: ClearmlClient;
  ttlMs: number;
  now: () => number;
}

/**
 * Project name → id, asked with an escaped, anchored pattern and checked exactly (a regex
 * filter would otherwise let `cats` find `cats_v2`). Positive answers are kept briefly;
 * "no such project" is never kept, so a project created elsewhere shows up at once.
 */
export function createProjectResolver(options: ProjectResolverOptions): ProjectResolver {
  const known = new Map<string, { ref: ProjectRef; expiresAt: number }>();
  const inflight = new Map<string, Promise<ProjectRef | undefined>>();

  async function lookup(name: string, opts: CallOptions): Promise<ProjectRef | undefined> {
    let data: unknown;
    try {
      data = await options.client.call(
        'projects.get_all_ex',
        {
          name: exactNamePattern(name),
          search_hidden: false,
          only_fields: ['id', 'name'],
          page: 0,
          page_size: 10,
        },
        opts,
      );
    } catch (err) {
      throw toHttpError(err);
    }
    const rows = (data as { projects?: unknown }).projects;
    const match = (Array.isArray(rows) ? rows : []).find(
      (p: { id?: unknown; name?: unknown }) => p?.name === name && typeof p.id === 'string',
    ) as ProjectRef | undefined;
    if (!match) return undefined;
    const ref = { id: match.id, name: match.name };
    known.set(name, { ref, expiresAt: options.now() + options.ttlMs });
    return ref;
  }

  async function find(name: string, opts: CallOptions): Promise<ProjectRef | undefined> {
    const hit = known.get(name);
    if (hit && options.now() < hit.expiresAt) return hit.ref;
    let pending = inflight.get(name);
    if (!pending) {
      // Shared by concurrent callers: not tied to one caller's signal.
      pending = lookup(name, { kind: 'read', requestId: opts.requestId }).finally(() =>
        inflight.delete(name),
      );
      inflight.set(name, pending);
    }
    return pending;
  }

  return {
    find,
    async resolve(name, opts) {
      const ref = await find(name, opts);
      if (!ref) throw new NotFoundError(`Project not found: ${name}`);
      return ref;
    },
    forget(name) {
      known.delete(name);
    },
  };
}
