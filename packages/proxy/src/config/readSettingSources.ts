// Where settings come from, in order of precedence: the process environment, a `.env` file
// in the working directory, `<NAME>_FILE` for the two secrets (Docker secrets), and a
// clearml.conf (CLEARML_CONFIG_FILE) for the ClearML connection. The result is one flat env.
import { isAbsolute, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from './ConfigError.js';
import { parseClearmlConf, type ConfObject, type ConfValue } from './parseClearmlConf.js';

export type Env = Record<string, string | undefined>;

export interface SourceDeps {
  cwd: string;
  /** Reads a text file; throws (ENOENT…) when it cannot. */
  readFile: (path: string) => string;
}

const SECRET_NAMES = ['CLEARML_API_ACCESS_KEY', 'CLEARML_API_SECRET_KEY'] as const;

function isMissing(err: unknown): boolean {
  return (err as { code?: unknown }).code === 'ENOENT';
}

function readDotEnv(deps: SourceDeps): Env {
  let text: string;
  try {
    text = deps.readFile(resolve(deps.cwd, '.env'));
  } catch (err) {
    if (isMissing(err)) return {};
    throw new ConfigError(['.env: cannot be read']);
  }
  return parseEnv(text);
}

function at(obj: ConfValue | undefined, path: string[]): ConfValue | undefined {
  let cur = obj;
  for (const part of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function text(v: ConfValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The `api` section of a clearml.conf, mapped to our variable names. */
function readClearmlConf(path: string, deps: SourceDeps): Env {
  let conf: ConfObject;
  try {
    conf = parseClearmlConf(deps.readFile(isAbsolute(path) ? path : resolve(deps.cwd, path)));
  } catch (err) {
    if (isMissing(err)) throw new ConfigError([`CLEARML_CONFIG_FILE: file not found (${path})`]);
    const reason = err instanceof Error ? err.message : 'unreadable';
    // Parse errors carry only a line number, never the file's content.
    throw new ConfigError([`CLEARML_CONFIG_FILE: cannot be parsed (${reason.split('\n')[0]})`]);
  }
  const api = at(conf, ['api']);
  return {
    CLEARML_API_HOST: text(at(api, ['api_server'])),
    CLEARML_WEB_HOST: text(at(api, ['web_server'])),
    CLEARML_FILES_HOST: text(at(api, ['files_server'])),
    CLEARML_API_ACCESS_KEY: text(at(api, ['credentials', 'access_key'])),
    CLEARML_API_SECRET_KEY: text(at(api, ['credentials', 'secret_key'])),
  };
}

function defined(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

export function readSettingSources(processEnv: Env, deps: SourceDeps): Env {
  const env: Env = { ...readDotEnv(deps), ...defined(processEnv) };
  const problems: string[] = [];

  for (const name of SECRET_NAMES) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) {
      problems.push(`${name}_FILE: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      const value = deps.readFile(isAbsolute(file) ? file : resolve(deps.cwd, file)).trim();
      if (!value) problems.push(`${name}_FILE: the file is empty`);
      else env[name] = value;
    } catch {
      problems.push(`${name}_FILE: cannot read the file ${file}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const confPath = env.CLEARML_CONFIG_FILE;
  if (confPath) {
    // The environment (and *_FILE) wins over clearml.conf, key by key.
    return { ...defined(readClearmlConf(confPath, deps)), ...env };
  }
  return env;
}
