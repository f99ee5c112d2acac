import type { Request, RequestHandler } from 'express';
import { AuthenticationError, NotAllowedError } from '../errors/index.js';
import { createCvatAuthenticator } from './createCvatAuthenticator.js';
import { extractCvatCredentials } from './extractCvatCredentials.js';
import type { SecuritySettings } from './parseSecuritySettings.js';
import { verifyProxyToken } from './verifyProxyToken.js';
import type { Caller } from './types.js';

export interface AuthenticateOptions {
  settings: SecuritySettings;
  fetch: typeof globalThis.fetch;
  now: () => number;
  log: (line: Record<string, unknown>) => void;
  /** Runs before a credential is checked upstream and after one fails (429 when guessing). */
  limitFailures: { before(req: Request): void; after(req: Request): void };
}

const ANONYMOUS: Caller = {
  id: 'anonymous',
  username: 'anonymous',
  groups: [],
  isSuperuser: false,
  via: 'none',
};

// A page on another site can reach a loopback proxy by pointing its own domain name at
// 127.0.0.1 (DNS rebinding); in demo mode only loopback Host names are served.
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

export function createAuthenticate(options: AuthenticateOptions): RequestHandler {
  const { settings, limitFailures } = options;

  if (settings.mode === 'none') {
    return (req, res, next) => {
      if (!LOOPBACK_HOST.test(req.headers.host ?? '')) {
        throw new NotAllowedError('Without authentication only loopback host names are served');
      }
      res.locals.caller = ANONYMOUS;
      next();
    };
  }

  const fail = (req: Request, err: AuthenticationError, challenge: string): never => {
    limitFailures.after(req);
    err.headers['WWW-Authenticate'] = challenge;
    throw err;
  };

  if (settings.mode === 'token') {
    return (req, res, next) => {
      limitFailures.before(req);
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!match?.[1]) {
        return fail(req, new AuthenticationError('Send Authorization: Bearer <token>'), 'Bearer');
      }
      const token = verifyProxyToken(match[1], settings.tokens);
      if (!token) return fail(req, new AuthenticationError('Unknown token'), 'Bearer');
      const caller: Caller = {
        id: token.label,
        username: token.label,
        groups: [],
        isSuperuser: false,
        via: 'proxy-token',
      };
      res.locals.caller = caller;
      next();
    };
  }

  if (!settings.cvatUrl) throw new Error('CVAT_URL: required when AUTH_MODE=cvat');
  const check = createCvatAuthenticator({
    cvatUrl: settings.cvatUrl,
    cacheSeconds: settings.cvatAuthCacheSeconds,
    timeoutMs: settings.cvatAuthTimeoutMs,
    fetch: options.fetch,
    now: options.now,
    log: options.log,
  });
  return async (req, res, next) => {
    let credentials;
    try {
      credentials = extractCvatCredentials(req);
    } catch (err) {
      if (err instanceof AuthenticationError) fail(req, err, 'Token');
      throw err;
    }
    if (!credentials) {
      return fail(
        req,
        new AuthenticationError('Log in to CVAT first (no CVAT credentials sent)'),
        'Token',
      );
    }
    try {
      res.locals.caller = await check(credentials, () => limitFailures.before(req));
    } catch (err) {
      if (err instanceof AuthenticationError) fail(req, err, 'Token');
      throw err;
    }
    next();
  };
}
