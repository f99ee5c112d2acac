// Configuration is read and validated once, at start-up, failing fast with messages that
// name the variable. Nothing configured = demo mode (the in-process emulator).
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from './ConfigError.js';
import { readSettingSources, type Env, type SourceDeps } from './readSettingSources.js';

export interface ClearmlSettings {
  apiHost: string;
  webHost: string | undefined;
  filesHost: string | undefined;
  accessKey: string;
  secretKey: string;
}

export interface Config {
  appName: string;
  apiVersion: string;
  debug: boolean;
  port: number;
  host: string;
  corsOrigins: string[];
  cacheTtlMs: number;
  clearmlTimeoutMs: number;
  uiDir: string;
  projectMapping: { rule: 'same-name' | 'default-project'; defaultProject: string | null };
  production: boolean;
  /** null = demo mode: main.ts starts the emulator and fills this in. */
  clearml: ClearmlSettings | null;
  demo: boolean;
  /** The merged environment (process env over .env, secrets from files), for createSecurity. */
  env: Env;
}

// From src/config (or dist/config) up to packages/, then the panel's standalone build.
const DEFAULT_UI_DIR = fileURLToPath(new URL('../../../plugin/dist/ui', import.meta.url));

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

const bool = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .refine((v) => v === undefined || ['true', 'false', '1', '0', 'yes', 'no'].includes(v), {
      message: 'must be true or false',
    })
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || /^\d+$/.test(v), { message: 'must be a whole number' })
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => n >= min && n <= max, { message: `must be between ${min} and ${max}` });

const origin = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && new URL(v).origin === v.replace(/\/$/, ''), {
    message: 'each entry must be an origin like https://cvat.example.com (no path, no *)',
  });

const schema = z.object({
  APP_NAME: z.string().trim().min(1).max(100).default('ClearML API'),
  API_VERSION: z.string().trim().min(1).max(20).default('v1'),
  DEBUG: bool(false),
  PORT: int(8500, 0, 65535),
  HOST: z.string().trim().min(1).optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  CACHE_TTL_MS: int(3000, 0, 3_600_000),
  CLEARML_TIMEOUT_MS: int(10_000, 100, 600_000),
  UI_DIR: z.string().trim().min(1).optional(),
  CVAT_PROJECT_MAPPING: z.enum(['same-name', 'default-project']).default('same-name'),
  CLEARML_DEFAULT_PROJECT: z.string().trim().min(1).max(1024).optional(),
  CLEARML_API_HOST: httpUrl.optional(),
  CLEARML_WEB_HOST: httpUrl.optional(),
  CLEARML_FILES_HOST: httpUrl.optional(),
  // Secrets: only their presence is checked, so no message can ever contain their value.
  CLEARML_API_ACCESS_KEY: z.string().trim().optional(),
  CLEARML_API_SECRET_KEY: z.string().trim().optional(),
  NODE_ENV: z.string().optional(),
});

function clearmlSettings(s: z.infer<typeof schema>, production: boolean): ClearmlSettings | null {
  const host = s.CLEARML_API_HOST;
  const access = s.CLEARML_API_ACCESS_KEY || undefined;
  const secret = s.CLEARML_API_SECRET_KEY || undefined;
  if (!host && !access && !secret) {
    if (production) {
      throw new ConfigError([
        'CLEARML_API_HOST: required when NODE_ENV=production (with CLEARML_API_ACCESS_KEY and ' +
          'CLEARML_API_SECRET_KEY, or CLEARML_CONFIG_FILE); demo mode is for local use only',
      ]);
    }
    return null;
  }
  const missing = [
    !host && 'CLEARML_API_HOST',
    !access && 'CLEARML_API_ACCESS_KEY',
    !secret && 'CLEARML_API_SECRET_KEY',
  ].filter((x): x is string => Boolean(x));
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((name) => `${name}: required once any ClearML connection setting is given`),
    );
  }
  return {
    apiHost: host!,
    webHost: s.CLEARML_WEB_HOST,
    filesHost: s.CLEARML_FILES_HOST,
    accessKey: access!,
    secretKey: secret!,
  };
}

export function loadConfig(processEnv: Env, deps: SourceDeps): Config {
  const env = readSettingSources(processEnv, deps);
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'configuration');
        // zod's enum messages quote the received value; ours never echo input.
        const message =
          issue.code === 'invalid_value'
            ? `must be one of ${issue.values.map(String).join(', ')}`
            : issue.message;
        return `${name}: ${message}`;
      }),
    );
  }
  const s = parsed.data;
  const production = s.NODE_ENV === 'production';
  const clearml = clearmlSettings(s, production);
  if (s.CVAT_PROJECT_MAPPING === 'default-project' && !s.CLEARML_DEFAULT_PROJECT) {
    throw new ConfigError([
      'CLEARML_DEFAULT_PROJECT: required when CVAT_PROJECT_MAPPING=default-project',
    ]);
  }
  const uiDir = s.UI_DIR
    ? isAbsolute(s.UI_DIR)
      ? s.UI_DIR
      : resolve(deps.cwd, s.UI_DIR)
    : DEFAULT_UI_DIR;
  return {
    appName: s.APP_NAME,
    apiVersion: s.API_VERSION,
    debug: s.DEBUG,
    port: s.PORT,
    // Demo mode and unset HOST: loopback only. The Docker image sets HOST=0.0.0.0.
    host: s.HOST ?? '127.0.0.1',
    corsOrigins: s.CORS_ORIGINS,
    cacheTtlMs: s.CACHE_TTL_MS,
    clearmlTimeoutMs: s.CLEARML_TIMEOUT_MS,
    uiDir,
    projectMapping: {
      rule: s.CVAT_PROJECT_MAPPING,
      defaultProject: s.CLEARML_DEFAULT_PROJECT ?? null,
    },
    production,
    clearml,
    demo: clearml === null,
    env,
  };
}
