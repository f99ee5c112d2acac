// PLACEHOLDER until the security work lands: AUTH_MODE=none behaviour only. The signature is
// the contract: security reads its own settings from the (merged) environment.
import type { RequestHandler } from 'express';
import { NotAllowedError } from '../errors/index.js';
import { createProjectScope } from './createProjectScope.js';
import type { Caller, Security } from './types.js';

export interface SecurityDeps {
  /** One structured log line (the app's logger; it redacts secrets). */
  log: (line: Record<string, unknown>) => void;
  /** The address the proxy binds to (AUTH_MODE=none is allowed only on loopback). */
  host: string;
  /** Demo mode (no ClearML configured): AUTH_MODE defaults to none there. */
  demo: boolean;
}

const pass: RequestHandler = (_req, _res, next) => next();

export function createSecurity(
  env: Record<string, string | undefined>,
  deps: SecurityDeps,
): Security {
  const readOnly = env.READ_ONLY === 'true';
  const scope = createProjectScope((env.CLEARML_PROJECTS ?? '').split(','));
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
    readOnly,
    canCreate: () => !readOnly,
    assertCanCreate: () => {
      if (readOnly) throw new NotAllowedError('This proxy is read-only', 'read-only');
    },
    scopeFor: () => scope,
    audit: (event) =>
      deps.log({
        audit: event.action,
        user: event.caller.username,
        project: event.project,
        task_id: event.taskId,
        replayed: event.replayed,
      }),
  };
}
