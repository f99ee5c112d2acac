import type { RunningEmulator } from '../types.js';

// Tests read deep into answers; typing every shape would only repeat the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the answer is not JSON. */
  json: Json;
}

export interface CallOptions {
  token?: string;
  authorization?: string;
  method?: string;
  headers?: Record<string, string>;
  version?: string;
  query?: string;
  rawBody?: string;
}

/** A thin HTTP client for tests: real fetch over loopback, nothing mocked. */
export function apiClient(emulator: Pick<RunningEmulator, 'url' | 'credentials'>) {
  const basic = `Basic ${Buffer.from(`${emulator.credentials.accessKey}:${emulator.credentials.secretKey}`).toString('base64')}`;

  async function call(
    endpoint: string,
    body?: unknown,
    opts: CallOptions = {},
  ): Promise<ApiResponse> {
    const path = `${opts.version ? `/v${opts.version}` : ''}/${endpoint}${opts.query ? `?${opts.query}` : ''}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    const auth = opts.authorization ?? (opts.token ? `Bearer ${opts.token}` : undefined);
    if (auth) headers.authorization = auth;
    const method = opts.method ?? 'POST';
    const res = await fetch(emulator.url + path, {
      method,
      headers,
      body:
        method === 'GET' || method === 'HEAD'
          ? undefined
          : (opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body))),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  async function login(expirationSec?: number): Promise<string> {
    const res = await call('auth.login', expirationSec ? { expiration_sec: expirationSec } : {}, {
      authorization: basic,
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.text}`);
    return res.json.data.token as string;
  }

  /** Logs in once, then calls with the token; returns `data` after checking the envelope says 200. */
  let token: string | undefined;
  async function data(endpoint: string, body?: unknown): Promise<Json> {
    token ??= await login();
    const res = await call(endpoint, body, { token });
    if (res.status !== 200) throw new Error(`${endpoint} answered ${res.status}: ${res.text}`);
    return res.json.data;
  }

  async function authed(
    endpoint: string,
    body?: unknown,
    opts: CallOptions = {},
  ): Promise<ApiResponse> {
    token ??= await login();
    return call(endpoint, body, { token, ...opts });
  }

  return { call, login, data, authed, basic };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Decodes a JWT's payload without checking it, as a client would. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
