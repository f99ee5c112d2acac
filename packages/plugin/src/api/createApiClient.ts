import createClient, { type Client } from 'openapi-fetch';
import { ApiError } from './ApiError';
import type { paths } from '@cvat-clearml/proxy/openapi-types';

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Where the proxy is: `''` on the standalone page (same origin), `/clearml-api` inside CVAT. */
  baseUrl: string;
  /** Send CVAT's `csrftoken` cookie as `X-CSRFToken` on unsafe methods (needed inside CVAT). */
  csrf?: boolean;
  /** Give up on a request after this long (the proxy's own upstream deadline is shorter). */
  timeoutMs?: number;
  /** For tests and hosts that wrap fetch; looked up at call time when omitted. */
  fetch?: typeof fetch;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createApiClient(options: ApiClientOptions): ApiClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client = createClient<paths>({
    baseUrl: absoluteBaseUrl(options.baseUrl),
    credentials: 'same-origin',
    fetch: (request: Request) => fetchWithDeadline(request, timeoutMs, options.fetch),
  });
  if (options.csrf) {
    client.use({
      onRequest({ request }) {
        if (SAFE_METHODS.has(request.method)) return undefined;
        const token = readCookie('csrftoken');
        if (token) request.headers.set('X-CSRFToken', token);
        return request;
      },
    });
  }
  return client;
}

// Turns "no answer" into ApiErrors so callers can tell the proxy being down from an error it sent.
async function fetchWithDeadline(
  request: Request,
  timeoutMs: number,
  fetchImpl: typeof fetch | undefined,
): Promise<Response> {
  let timedOut = false;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  request.signal.addEventListener('abort', onCallerAbort);
  try {
    return await (fetchImpl ?? globalThis.fetch)(request, { signal: controller.signal });
  } catch (error) {
    if (timedOut) throw ApiError.timeout(Math.round(timeoutMs / 1000));
    if (request.signal.aborted) throw error;
    throw ApiError.network(error);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', onCallerAbort);
  }
}

function absoluteBaseUrl(baseUrl: string): string {
  if (/^https?:\/\//.test(baseUrl) || typeof window === 'undefined') return baseUrl;
  return new URL(baseUrl || '/', window.location.href).href.replace(/\/$/, '');
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
