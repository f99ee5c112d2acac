import type { Request, RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { NotAllowedError } from '../errors/index.js';
import { CSRF_COOKIE } from './extractCvatCredentials.js';
import { parseCookies } from './parseCookies.js';
import { sha256 } from './parseProxyTokens.js';
import type { RequestInfo } from './createRequestInfo.js';
import type { Caller } from './types.js';

export interface CsrfOptions {
  readOnly: boolean;
  /** CORS_ORIGINS and CVAT's own origin; the proxy's own origin is always allowed. */
  allowedOrigins: ReadonlySet<string>;
  info: RequestInfo;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function requestOrigin(req: Request): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin;
  const referer = req.headers.referer;
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

const sameSecret = (a: string, b: string) => timingSafeEqual(sha256(a), sha256(b));

/**
 * Writes are refused when READ_ONLY is set. Otherwise, a caller whose credential a browser
 * sends by itself (the CVAT session cookie, Basic, or nobody at all in demo mode) must prove
 * the request comes from a page we trust; callers sending a token explicitly cannot be forged
 * by another site and are exempt.
 */
export function createCsrfCheck(options: CsrfOptions): RequestHandler {
  // The proxy's own host counts whatever the scheme: behind a TLS-terminating proxy (CVAT's
  // Traefik) the browser says https while the proxy itself sees http.
  const sameHost = (req: Request, origin: string) => {
    try {
      const url = new URL(origin);
      const own = options.info.ownHost(req);
      return ['http:', 'https:'].includes(url.protocol) && own !== undefined && url.host === own;
    } catch {
      return false;
    }
  };
  const originAllowed = (req: Request, origin: string) =>
    origin !== 'null' &&
    (options.allowedOrigins.has(origin.toLowerCase()) || sameHost(req, origin));

  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    if (options.readOnly) {
      throw new NotAllowedError('This proxy is read-only: no changes are allowed', 'read-only');
    }
    const caller = res.locals.caller as Caller | undefined;
    const basic = /^basic\s/i.test(req.headers.authorization ?? '');
    if (caller?.via === 'proxy-token' || (caller?.via === 'cvat-token' && !basic)) return next();

    const origin = requestOrigin(req);
    if (caller?.via !== 'cvat-session') {
      if (origin !== undefined && !originAllowed(req, origin)) {
        throw new NotAllowedError(
          `Requests from origin ${origin.slice(0, 200)} are not allowed`,
          'csrf-failed',
        );
      }
      return next();
    }
    const cookie = parseCookies(req.headers.cookie).get(CSRF_COOKIE);
    const header = req.headers['x-csrftoken'];
    if (!cookie || typeof header !== 'string' || !sameSecret(header, cookie)) {
      throw new NotAllowedError(
        'CSRF check failed: send the X-CSRFToken header with the csrftoken cookie value',
        'csrf-failed',
      );
    }
    if (origin === undefined || !originAllowed(req, origin)) {
      throw new NotAllowedError(
        'CSRF check failed: the request must come from CVAT, the proxy itself or an origin in CORS_ORIGINS',
        'csrf-failed',
      );
    }
    next();
  };
}
