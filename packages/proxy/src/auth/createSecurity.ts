import type { Request, RequestHandler } from 'express';
import { readFileSync } from 'node:fs';
import { NotAllowedError, RateLimitedError } from '../errors/index.js';
import { createAuthenticate } from './createAuthenticate.js';
import { createCors } from './createCors.js';
import { createCsrfCheck } from './createCsrfCheck.js';
import { createProjectScope } from './createProjectScope.js';
import { createRateLimiter } from './createRateLimiter.js';
import { createRequestInfo } from './createRequestInfo.js';
import { createSecurityHeaders } from './createSecurityHeaders.js';
import { parseSecuritySettings } from './parseSecuritySettings.js';
import type { Caller, Security } from './types.js';

export interface SecurityDeps {
  /** One structured log line (the app's logger; it redacts secrets). */
  log: (line: Record<string, unknown>) => void;
  /** The address the proxy binds to (AUTH_MODE=none is allowed only on loopback). */
  host: string;
  /** Demo mode (no ClearML configured): AUTH_MODE defaults to none there. */
  demo: boolean;
  /** How CVAT is asked who a caller is (tests may pass their own; default: global fetch). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds clock for caches and rate limits. */
  now?: () => number;
  /** Reads PROXY_API_TOKENS_FILE. */
  readFile?: (path: string) => string;
}

/** Builds every caller-facing guard from the environment; throws on a bad setting, naming it. */
export function createSecurity(
  env: Record<string, string | undefined>,
  deps: SecurityDeps,
): Security {
  const now = deps.now ?? Date.now;
  const settings = parseSecuritySettings(env, {
    host: deps.host,
    demo: deps.demo,
    readFile: deps.readFile ?? ((path) => readFileSync(path, 'utf8')),
  });
  const info = createRequestInfo(settings.trustProxy);
  const scope = createProjectScope(settings.projects);
  const createGroups = new Set(settings.createGroups);
  const limiter = createRateLimiter({
    perMinute: settings.rateLimitPerMinute,
    burst: settings.rateLimitBurst,
    now,
  });
  // Failed logins spend from the caller's address bucket, so guessing credentials (and
  // making CVAT check each guess) is rate limited too.
  const ipKey = (req: Request) => `ip:${info.clientIp(req)}`;
  const limitFailures = {
    before(req: Request) {
      const wait = limiter.peek(ipKey(req));
      if (wait > 0) throw new RateLimitedError('Too many failed logins; slow down', wait);
    },
    after(req: Request) {
      limiter.take(ipKey(req));
    },
  };
  const allowedOrigins = new Set(settings.corsOrigins.map((o) => o.toLowerCase()));
  if (settings.cvatUrl) allowedOrigins.add(settings.cvatUrl.origin.toLowerCase());

  const callerKey = (caller: Caller) =>
    caller.via === 'proxy-token' ? `token:${caller.id}` : `cvat:${caller.id}`;

  const rateLimit: RequestHandler = (req, res, next) => {
    const caller = res.locals.caller as Caller | undefined;
    // One bucket per person, however they log in (cookie or token); by address otherwise.
    const key = !caller || caller.via === 'none' ? ipKey(req) : callerKey(caller);
    const wait = limiter.take(key);
    if (wait > 0) throw new RateLimitedError('Too many requests; slow down', wait);
    next();
  };

  const canCreate = (caller: Caller) =>
    !settings.readOnly &&
    (caller.via === 'proxy-token' ||
      caller.via === 'none' ||
      caller.isSuperuser ||
      caller.groups.some((g) => createGroups.has(g.toLowerCase())));

  deps.log({
    level: 'info',
    msg: 'caller security',
    auth_mode: settings.mode,
    read_only: settings.readOnly,
    create_groups: settings.createGroups,
    projects: scope.all ? '*' : settings.projects,
    cors_origins: settings.corsOrigins,
    rate_limit_per_minute: settings.rateLimitPerMinute,
    tokens: settings.tokens.map((t) => t.label),
  });

  return {
    mode: settings.mode,
    headers: [createSecurityHeaders(info), createCors(settings.corsOrigins)],
    authenticate: createAuthenticate({
      settings,
      fetch: deps.fetch ?? globalThis.fetch,
      now,
      log: deps.log,
      limitFailures,
    }),
    csrf: createCsrfCheck({ readOnly: settings.readOnly, allowedOrigins, info }),
    rateLimit,
    readOnly: settings.readOnly,
    canCreate,
    assertCanCreate: (caller) => {
      if (settings.readOnly) {
        throw new NotAllowedError('This proxy is read-only: no changes are allowed', 'read-only');
      }
      if (!canCreate(caller)) {
        throw new NotAllowedError(
          `Creating tasks needs one of the CVAT groups ${settings.createGroups.join(', ') || '(none)'} or superuser`,
        );
      }
    },
    scopeFor: () => scope,
    audit: (event) =>
      deps.log({
        level: 'info',
        msg: 'audit',
        audit: event.action,
        user_id: event.caller.id,
        user: event.caller.username,
        via: event.caller.via,
        project: event.project,
        task_id: event.taskId ?? null,
        replayed: event.replayed ?? false,
      }),
  };
}
