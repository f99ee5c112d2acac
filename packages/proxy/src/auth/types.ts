// The seam between the HTTP layer (app.ts) and caller security (src/auth). app.ts mounts what
// a Security provides; routes read the Caller from res.locals.caller.
import type { RequestHandler } from 'express';

export type AuthMode = 'cvat' | 'token' | 'none';

export interface Caller {
  /** CVAT user id, a token's label, or 'anonymous' in AUTH_MODE=none. */
  id: number | string;
  username: string;
  groups: string[];
  isSuperuser: boolean;
  /** How the caller proved who they are; cookie callers are subject to CSRF checks. */
  via: 'cvat-session' | 'cvat-token' | 'proxy-token' | 'none';
}

/** Which ClearML projects this proxy exposes (CLEARML_PROJECTS). */
export interface ProjectScope {
  /** Stable text identifying the scope, for cache keys. */
  readonly key: string;
  /** True when every project is visible. */
  readonly all: boolean;
  allows(projectName: string): boolean;
}

export interface Security {
  mode: AuthMode;
  /** Security headers, CORS (allowlist), before everything else. */
  headers: RequestHandler[];
  /** Sets res.locals.caller or fails with 401/503; runs before every API route. */
  authenticate: RequestHandler;
  /** CSRF and Origin checks for unsafe methods with cookie auth. */
  csrf: RequestHandler;
  /** Per-caller rate limit (429 with Retry-After). */
  rateLimit: RequestHandler;
  /** May this caller create tasks? (role, READ_ONLY) — throws NotAllowedError if not. */
  assertCanCreate(caller: Caller): void;
  canCreate(caller: Caller): boolean;
  scopeFor(caller: Caller): ProjectScope;
  readOnly: boolean;
  /** Audit log line for every create. */
  audit(event: {
    caller: Caller;
    action: string;
    project: string;
    taskId?: string;
    replayed?: boolean;
  }): void;
}
