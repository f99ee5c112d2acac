// PLACEHOLDER until the security work lands: AUTH_MODE=none behaviour only.
import type { RequestHandler } from 'express';
import { NotAllowedError } from '../errors/index.js';
import { createProjectScope } from './createProjectScope.js';
import type { Caller, Security } from './types.js';

export interface SecurityOptions {
  projects: string[];
  readOnly: boolean;
  log: (line: Record<string, unknown>) => void;
}

const pass: RequestHandler = (_req, _res, next) => next();

export function createSecurity(opts: SecurityOptions): Security {
  const scope = createProjectScope(opts.projects);
  const anonymous: Caller = {
    id: 'anonymous',
    username: 'anonymous',
    groups: [],
    isSuperuser: true,
    via: 'none',
  };
  return {
    mode: 'none',
    headers: [],
    authenticate: (_req, res, next) => {
      res.locals.caller = anonymous;
      next();
    },
    csrf: pass,
    rateLimit: pass,
    readOnly: opts.readOnly,
    canCreate: () => !opts.readOnly,
    assertCanCreate: () => {
      if (opts.readOnly) throw new NotAllowedError('This proxy is read-only', 'read-only');
    },
    scopeFor: () => scope,
    audit: (event) =>
      opts.log({
        audit: event.action,
        user: event.caller.username,
        project: event.project,
        task_id: event.taskId,
        replayed: event.replayed,
      }),
  };
}
