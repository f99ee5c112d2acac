import type { Request } from 'express';
import { AuthenticationError } from '../errors/index.js';
import { parseCookies } from './parseCookies.js';

export interface CvatCredentials {
  via: 'cvat-session' | 'cvat-token';
  /** Exactly what is sent to CVAT: CVAT's own cookies or the Authorization header, nothing else. */
  headers: Record<string, string>;
  /** What identifies the credential; hashed before it becomes a cache key. */
  identity: string;
  /** Basic credentials are replayed by browsers on their own, like cookies. */
  ambient: boolean;
}

const SCHEMES = new Map([
  ['token', 'Token'],
  ['bearer', 'Bearer'],
  ['basic', 'Basic'],
]);
// Visible ASCII only: anything else cannot be a CVAT credential and must not reach a header.
const AUTH_VALUE = /^[\x21-\x7E]{1,4096}$/;
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{1,512}$/;

export const SESSION_COOKIE = 'sessionid';
export const CSRF_COOKIE = 'csrftoken';

/** The caller's CVAT credentials, or undefined when there are none; malformed ones are 401. */
export function extractCvatCredentials(req: Request): CvatCredentials | undefined {
  const authorization = req.headers.authorization?.trim();
  if (authorization) {
    const space = authorization.indexOf(' ');
    const scheme = SCHEMES.get(authorization.slice(0, space).toLowerCase());
    const value = authorization.slice(space + 1).trim();
    if (space <= 0 || !scheme) {
      throw new AuthenticationError(
        'Unsupported Authorization scheme: use Token, Bearer or Basic (CVAT credentials)',
      );
    }
    if (!AUTH_VALUE.test(value)) throw new AuthenticationError('Malformed Authorization header');
    return {
      via: 'cvat-token',
      headers: { authorization: `${scheme} ${value}` },
      identity: `${scheme} ${value}`,
      ambient: scheme === 'Basic',
    };
  }
  const cookies = parseCookies(req.headers.cookie);
  const session = cookies.get(SESSION_COOKIE);
  if (session === undefined) return undefined;
  if (!COOKIE_VALUE.test(session)) throw new AuthenticationError('Malformed CVAT session cookie');
  const csrf = cookies.get(CSRF_COOKIE);
  const cookie =
    csrf !== undefined && COOKIE_VALUE.test(csrf)
      ? `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}`
      : `${SESSION_COOKIE}=${session}`;
  return {
    via: 'cvat-session',
    headers: { cookie },
    identity: `session ${session}`,
    ambient: true,
  };
}
