import { z } from 'zod';
import { AuthenticationError, ServiceUnavailableError } from '../errors/index.js';
import { createBoundedCache } from './createBoundedCache.js';
import type { CvatCredentials } from './extractCvatCredentials.js';
import { sha256 } from './parseProxyTokens.js';
import type { Caller } from './types.js';

export interface CvatAuthenticatorOptions {
  cvatUrl: URL;
  cacheSeconds: number;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
  now: () => number;
  log: (line: Record<string, unknown>) => void;
  maxCacheEntries?: number;
}

const CvatUser = z.object({
  id: z.number().int(),
  username: z.string().min(1).max(256),
  groups: z.array(z.string().max(256)).max(100).default([]),
  is_superuser: z.boolean().default(false),
  is_active: z.boolean().default(true),
});

const MAX_BODY = 256 * 1024;

/**
 * Asks CVAT who the caller is (`GET /api/users/self` with the caller's own credentials).
 * Positive answers are cached under a SHA-256 of the credential; identical checks running at
 * the same time share one request to CVAT. Any doubt about CVAT itself is a 503, never a 401
 * and never a pass.
 */
export function createCvatAuthenticator(
  options: CvatAuthenticatorOptions,
): (credentials: CvatCredentials, beforeAsking?: () => void) => Promise<Caller> {
  const selfUrl = new URL('api/users/self', options.cvatUrl);
  const cache = createBoundedCache<Caller>(options.maxCacheEntries ?? 5000, options.now);
  const inFlight = new Map<string, Promise<Caller>>();
  const unavailable = (reason: string) => {
    options.log({ level: 'warn', msg: 'CVAT user check failed', reason });
    return new ServiceUnavailableError(
      'CVAT could not confirm who you are right now; try again shortly',
      'cvat-unavailable',
    );
  };

  async function ask(credentials: CvatCredentials): Promise<Caller> {
    let response: Response;
    try {
      response = await options.fetch(selfUrl, {
        headers: { accept: 'application/json', ...credentials.headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      const name = (err as { name?: string }).name;
      throw unavailable(name === 'TimeoutError' ? 'timeout' : 'unreachable');
    }
    const text = await response.text().catch(() => undefined);
    if (response.status === 401 || response.status === 403) {
      throw new AuthenticationError('CVAT did not accept these credentials: log in to CVAT again');
    }
    if (response.status !== 200 || text === undefined || text.length > MAX_BODY) {
      throw unavailable(`status ${response.status}`);
    }
    let parsed: z.infer<typeof CvatUser>;
    try {
      parsed = CvatUser.parse(JSON.parse(text));
    } catch {
      throw unavailable('unexpected answer');
    }
    if (!parsed.is_active) throw new AuthenticationError('This CVAT account is not active');
    return {
      id: parsed.id,
      username: parsed.username,
      groups: parsed.groups.map((g) => g.toLowerCase()),
      isSuperuser: parsed.is_superuser,
      via: credentials.via,
    };
  }

  // beforeAsking runs only when CVAT is really asked: a throttled address can still use a
  // session CVAT already confirmed, but cannot make CVAT check new guesses.
  return async (credentials, beforeAsking) => {
    const key = sha256(credentials.identity).toString('base64url');
    const cached = cache.get(key);
    if (cached) return { ...cached, via: credentials.via };
    const running = inFlight.get(key);
    if (running) return running;
    beforeAsking?.();
    const check = ask(credentials)
      .then((caller) => {
        cache.set(key, caller, options.cacheSeconds * 1000);
        return caller;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, check);
    return check;
  };
}
