import type { RequestHandler } from 'express';
import type { RequestInfo } from './createRequestInfo.js';

// /docs (Swagger UI from local files, its init script in a file) and /ui (Vite-built, antd
// injects <style> elements at runtime) both work under this policy; nothing else is loaded.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const FIXED: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Headers every answer carries, errors included; HSTS only when the caller came over https. */
export function createSecurityHeaders(info: RequestInfo): RequestHandler {
  return (req, res, next) => {
    res.removeHeader('X-Powered-By');
    for (const [name, value] of Object.entries(FIXED)) res.setHeader(name, value);
    if (info.isHttps(req)) {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  };
}
