import { z } from 'zod';
import type { AuthMode } from './types.js';
import { parseProxyTokens, type ProxyToken } from './parseProxyTokens.js';

export interface SecuritySettings {
  mode: AuthMode;
  /** Base URL of CVAT's server as the proxy reaches it (cvat mode only). */
  cvatUrl?: URL;
  cvatAuthCacheSeconds: number;
  cvatAuthTimeoutMs: number;
  tokens: ProxyToken[];
  createGroups: string[];
  readOnly: boolean;
  projects: string[];
  /** 0 = rate limiting off. */
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  /** Exact origins (scheme://host[:port]) allowed to call from a browser. */
  corsOrigins: string[];
  /** false, true (trust every hop) or the number of trusted proxy hops. */
  trustProxy: boolean | number;
}

export interface SettingsContext {
  host: string;
  demo: boolean;
  readFile: (path: string) => string;
}

const bool = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(v), {
      message: `${name}: must be true or false`,
    })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `${name}: must be a whole number` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      message: `${name}: must be between ${min} and ${max}`,
    });

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

function parse<T>(schema: z.ZodType<T>, value: string | undefined, fallback: T): T {
  if (value === undefined || value.trim() === '') return fallback;
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'invalid setting');
  return result.data;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i;
export const isLoopbackHost = (host: string): boolean => LOOPBACK.test(host.trim());

function parseOrigin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not an origin like https://cvat.example.com`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw new Error(`${name}: "${value}" is not an origin like https://cvat.example.com`);
  }
  return url.origin;
}

function parseCvatUrl(value: string | undefined): URL {
  if (value === undefined || value.trim() === '') {
    throw new Error('CVAT_URL: required when AUTH_MODE=cvat (the default outside demo mode)');
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error('CVAT_URL: must be an http(s) URL');
  }
  if (!['http:', 'https:'].includes(url.protocol))
    throw new Error('CVAT_URL: must be an http(s) URL');
  // Credentials in the URL would be sent with every check and could end up in logs.
  if (url.username || url.password) throw new Error('CVAT_URL: must not contain credentials');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

function parseTrustProxy(value: string | undefined): boolean | number {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  throw new Error('TRUST_PROXY: must be false, true or the number of proxy hops in front');
}

/** Reads and checks every security setting once, at start-up; errors name the variable. */
export function parseSecuritySettings(
  env: Record<string, string | undefined>,
  ctx: SettingsContext,
): SecuritySettings {
  const mode = parse(
    z.enum(['cvat', 'token', 'none'], { message: 'AUTH_MODE: must be cvat, token or none' }),
    env.AUTH_MODE?.trim().toLowerCase(),
    ctx.demo ? 'none' : 'cvat',
  );
  if (mode === 'none' && !isLoopbackHost(ctx.host)) {
    throw new Error('AUTH_MODE=none is only allowed when HOST is a loopback address');
  }
  const perMinute = parse(
    int('RATE_LIMIT_PER_MINUTE', 0, 1_000_000),
    env.RATE_LIMIT_PER_MINUTE,
    600,
  );
  const settings: SecuritySettings = {
    mode,
    cvatAuthCacheSeconds: parse(
      int('CVAT_AUTH_CACHE_SECONDS', 0, 3600),
      env.CVAT_AUTH_CACHE_SECONDS,
      60,
    ),
    cvatAuthTimeoutMs: parse(
      int('CVAT_AUTH_TIMEOUT_MS', 100, 60_000),
      env.CVAT_AUTH_TIMEOUT_MS,
      3000,
    ),
    tokens: [],
    createGroups: list(env.CREATE_GROUPS ?? 'admin,user').map((g) => g.toLowerCase()),
    readOnly: parse(bool('READ_ONLY'), env.READ_ONLY, false),
    projects: list(env.CLEARML_PROJECTS),
    rateLimitPerMinute: perMinute,
    rateLimitBurst: parse(
      int('RATE_LIMIT_BURST', 1, 1_000_000),
      env.RATE_LIMIT_BURST,
      Math.max(1, Math.ceil(perMinute / 4)),
    ),
    corsOrigins: list(env.CORS_ORIGINS).map((o) => {
      if (o === '*') throw new Error('CORS_ORIGINS: "*" is not allowed; list exact origins');
      return parseOrigin('CORS_ORIGINS', o);
    }),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
  if (mode === 'cvat') settings.cvatUrl = parseCvatUrl(env.CVAT_URL);
  if (mode === 'token') {
    settings.tokens = parseProxyTokens(env, ctx.readFile);
    if (settings.tokens.length === 0) {
      throw new Error('PROXY_API_TOKENS: at least one token is required when AUTH_MODE=token');
    }
  }
  return settings;
}
