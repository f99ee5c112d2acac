import { ClearmlCallFailure } from './ClearmlCallFailure.js';
import type { ClearmlTransport } from './createClearmlTransport.js';

export interface TokenManagerOptions {
  transport: ClearmlTransport;
  accessKey: string;
  secretKey: string;
  timeoutMs: number;
  now: () => number;
}

export interface TokenManager {
  /** A token that is valid for a while yet; logs in (once, shared by all callers) if needed. */
  token(trx: string): Promise<string>;
  /** ClearML refused this token (401/30): the next token() logs in again. */
  invalidate(token: string): void;
  /** Logins so far (for tests and metrics). */
  readonly logins: number;
}

interface Held {
  value: string;
  /** Epoch ms after which we log in again before using it. */
  refreshAt: number;
}

const SIX_MINUTES = 6 * 60_000;

/**
 * Logs in with Basic once and reuses the JWT. Refreshes ahead of expiry like the SDK does
 * (6 minutes before, or at 90% of a short token's life); concurrent callers share one login.
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  let held: Held | undefined;
  let pending: Promise<string> | undefined;
  let logins = 0;

  async function login(trx: string): Promise<string> {
    logins++;
    const data = await options.transport.post({
      endpoint: 'auth.login',
      body: {},
      auth: { basic: { accessKey: options.accessKey, secretKey: options.secretKey } },
      trx,
      timeoutMs: options.timeoutMs,
    });
    const token = (data as { token?: unknown }).token;
    if (typeof token !== 'string' || token === '') {
      throw new ClearmlCallFailure('bad-answer', 'auth.login', trx, 200);
    }
    held = { value: token, refreshAt: refreshTime(token, options.now()) };
    return token;
  }

  return {
    token(trx) {
      if (held && options.now() < held.refreshAt) return Promise.resolve(held.value);
      if (!pending) {
        pending = login(trx).finally(() => {
          pending = undefined;
        });
      }
      return pending;
    },
    invalidate(token) {
      if (held?.value === token) held = undefined;
    },
    get logins() {
      return logins;
    },
  };
}

/**
 * When to refresh, from the JWT's own `exp` and `iat` (read without verifying). Counted from
 * our clock at login with the token's lifetime, so a clock skew between us and ClearML can
 * neither make every call log in again nor keep a dead token.
 */
export function refreshTime(token: string, nowMs: number): number {
  const payload = decodeJwtPayload(token);
  const exp = typeof payload?.exp === 'number' ? payload.exp * 1000 : undefined;
  if (exp === undefined) return Number.POSITIVE_INFINITY; // unknown: rely on the 401 re-login
  const iat = typeof payload?.iat === 'number' ? payload.iat * 1000 : undefined;
  const lifetime = iat !== undefined ? Math.max(0, exp - iat) : Math.max(0, exp - nowMs);
  return nowMs + lifetime - Math.min(SIX_MINUTES, lifetime * 0.1);
}

function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
