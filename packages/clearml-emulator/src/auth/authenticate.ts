import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../protocol/ApiError.js';
import type { Identity, TokenService } from './TokenService.js';

export interface AuthDeps {
  tokens: TokenService;
  credentials: { accessKey: string; secretKey: string };
  identity: Identity;
}

const missing = () => new ApiError(401, 20, 'Unauthorized (missing credentials)');
const invalidCredentials = (why: string) =>
  new ApiError(401, 22, `Unauthorized (invalid credentials) (${why})`);

/**
 * Bearer token, or Basic key:secret on any call (the real server accepts both).
 * Failures use the real server's codes: 401/20 missing, 401/22 bad key pair, 401/30 bad token.
 */
export function authenticate(header: string | undefined, deps: AuthDeps): Identity {
  if (!header || header.trim() === '') throw missing();
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const value = space < 0 ? '' : header.slice(space + 1).trim();
  if (scheme === 'bearer') {
    if (!value) throw missing();
    return deps.tokens.verify(value).identity;
  }
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidCredentials('malformed basic authorization');
    const key = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    if (!same(key, deps.credentials.accessKey)) {
      throw invalidCredentials('failed to locate provided credentials');
    }
    if (!same(secret, deps.credentials.secretKey)) throw invalidCredentials('bad credentials');
    return deps.identity;
  }
  throw missing();
}

function same(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
