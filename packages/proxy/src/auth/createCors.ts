import type { RequestHandler } from 'express';

export const CORS_ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';
export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-CSRFToken';
export const CORS_EXPOSED_HEADERS = 'Location, Idempotent-Replayed, Retry-After, X-Request-Id';

/**
 * CORS by exact allowlist: a listed origin gets its own name back (with credentials), any
 * other origin gets nothing, so the browser keeps the answer from the page. Never `*`.
 * Preflights end here: browsers send them without credentials, so they must not meet auth.
 */
export function createCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((o) => o.toLowerCase()));
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const listed = origin !== undefined && allowed.has(origin.toLowerCase());
    if (listed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    }
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'];
    if (!preflight) return next();
    if (listed) {
      res.setHeader('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
