import { describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError.js';
import { loadConfig } from './loadConfig.js';

const CWD = '/srv/proxy';
const KEYS = {
  CLEARML_API_HOST: 'http://127.0.0.1:8008',
  CLEARML_API_ACCESS_KEY: 'FAKE_ACCESS_KEY',
  CLEARML_API_SECRET_KEY: 'fake-secret-key',
};

/** A file system of a few files: anything else is ENOENT. */
function files(map: Record<string, string>) {
  return (path: string) => {
    const content = map[path];
    if (content === undefined) {
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    }
    return content;
  };
}

function load(env: Record<string, string | undefined>, fs: Record<string, string> = {}) {
  return loadConfig(env, { cwd: CWD, readFile: files(fs) });
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('when nothing is configured, then it is demo mode on loopback with the defaults', () => {
    const config = load({});
    expect(config).toMatchObject({
      demo: true,
      clearml: null,
      appName: 'ClearML API',
      apiVersion: 'v1',
      debug: false,
      port: 8500,
      host: '127.0.0.1',
      corsOrigins: [],
      cacheTtlMs: 3000,
      clearmlTimeoutMs: 10000,
      projectMapping: { rule: 'same-name', defaultProject: null },
    });
    expect(config.uiDir).toMatch(/packages\/plugin\/dist\/ui$/);
  });

  it('when the ClearML variables are set, then they are used and hosts lose trailing slashes', () => {
    const config = load({ ...KEYS, CLEARML_WEB_HOST: 'http://localhost:8080/', PORT: '9000' });
    expect(config.demo).toBe(false);
    expect(config.clearml).toEqual({
      apiHost: 'http://127.0.0.1:8008',
      webHost: 'http://localhost:8080',
      filesHost: undefined,
      accessKey: 'FAKE_ACCESS_KEY',
      secretKey: 'fake-secret-key',
    });
    expect(config.port).toBe(9000);
  });

  it('reads .env from the working directory, and the environment wins over it', () => {
    const config = load(
      { APP_NAME: 'From env' },
      {
        [`${CWD}/.env`]:
          '# settings\nAPP_NAME=From dotenv\nCLEARML_API_HOST=http://127.0.0.1:8008\n' +
          'CLEARML_API_ACCESS_KEY=FAKE_DOTENV_KEY\nCLEARML_API_SECRET_KEY="fake dotenv secret"\n',
      },
    );
    expect(config.appName).toBe('From env');
    expect(config.clearml?.accessKey).toBe('FAKE_DOTENV_KEY');
    expect(config.clearml?.secretKey).toBe('fake dotenv secret');
    expect(config.env.APP_NAME).toBe('From env');
  });

  it('reads the api section of clearml.conf, with the environment winning key by key', () => {
    const config = load(
      { CLEARML_CONFIG_FILE: 'conf/clearml.conf', CLEARML_WEB_HOST: 'http://web.local:8080' },
      {
        [`${CWD}/conf/clearml.conf`]: `api {
  api_server: http://127.0.0.1:8008
  web_server: http://ignored:8080
  files_server: http://127.0.0.1:8081
  credentials { "access_key" = "FAKE_CONF_KEY", "secret_key" = "fake-conf-secret" }
}`,
      },
    );
    expect(config.clearml).toEqual({
      apiHost: 'http://127.0.0.1:8008',
      webHost: 'http://web.local:8080',
      filesHost: 'http://127.0.0.1:8081',
      accessKey: 'FAKE_CONF_KEY',
      secretKey: 'fake-conf-secret',
    });
  });

  it('reads *_FILE secrets, trimmed', () => {
    const config = load(
      {
        CLEARML_API_HOST: 'https://api.example.test',
        CLEARML_API_ACCESS_KEY_FILE: '/run/secrets/access',
        CLEARML_API_SECRET_KEY_FILE: '/run/secrets/secret',
      },
      { '/run/secrets/access': 'FAKE_FILE_KEY\n', '/run/secrets/secret': '  fake-file-secret\n' },
    );
    expect(config.clearml?.accessKey).toBe('FAKE_FILE_KEY');
    expect(config.clearml?.secretKey).toBe('fake-file-secret');
  });

  it('when a *_FILE is missing, empty or doubled, then the error names the variable', () => {
    expect(problemsOf(() => load({ ...KEYS, CLEARML_API_SECRET_KEY_FILE: '/nope' }))).toEqual([
      'CLEARML_API_SECRET_KEY_FILE: set either CLEARML_API_SECRET_KEY or CLEARML_API_SECRET_KEY_FILE, not both',
    ]);
    expect(
      problemsOf(() =>
        load({ CLEARML_API_HOST: KEYS.CLEARML_API_HOST, CLEARML_API_ACCESS_KEY_FILE: '/nope' }),
      ),
    ).toEqual(['CLEARML_API_ACCESS_KEY_FILE: cannot read the file /nope']);
    expect(
      problemsOf(() => load({ CLEARML_API_SECRET_KEY_FILE: '/empty' }, { '/empty': '\n' })),
    ).toEqual(['CLEARML_API_SECRET_KEY_FILE: the file is empty']);
  });

  it('when CLEARML_CONFIG_FILE is missing or broken, then the error names it', () => {
    expect(problemsOf(() => load({ CLEARML_CONFIG_FILE: '/etc/clearml.conf' }))).toEqual([
      'CLEARML_CONFIG_FILE: file not found (/etc/clearml.conf)',
    ]);
    expect(
      problemsOf(() =>
        load(
          { CLEARML_CONFIG_FILE: '/c.conf' },
          { '/c.conf': 'api { credentials { secret_key: "fake-leaky-secret\n' },
        ),
      ),
    ).toEqual(['CLEARML_CONFIG_FILE: cannot be parsed (line 1: unterminated string)']);
  });

  it('when values are bad, then every problem names its variable', () => {
    const problems = problemsOf(() =>
      load({
        CLEARML_API_HOST: 'ftp://clearml',
        CLEARML_WEB_HOST: 'not a url',
        PORT: '99999',
        DEBUG: 'maybe',
        CACHE_TTL_MS: '-1',
        CORS_ORIGINS: 'http://ok.test, *',
        CVAT_PROJECT_MAPPING: 'other',
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'CLEARML_API_HOST: must be an http(s) URL',
        'CLEARML_WEB_HOST: must be an http(s) URL',
        'PORT: must be between 0 and 65535',
        'DEBUG: must be true or false',
        'CACHE_TTL_MS: must be a whole number',
        'CORS_ORIGINS: each entry must be an origin like https://cvat.example.com (no path, no *)',
        'CVAT_PROJECT_MAPPING: must be one of same-name, default-project',
      ]),
    );
  });

  it('when ClearML is half configured, then start-up fails naming what is missing', () => {
    expect(problemsOf(() => load({ CLEARML_API_HOST: KEYS.CLEARML_API_HOST }))).toEqual([
      'CLEARML_API_ACCESS_KEY: required once any ClearML connection setting is given',
      'CLEARML_API_SECRET_KEY: required once any ClearML connection setting is given',
    ]);
    expect(
      problemsOf(() =>
        load({ CLEARML_API_ACCESS_KEY: 'FAKE_K', CLEARML_API_SECRET_KEY: 'fake-s' }),
      ),
    ).toEqual(['CLEARML_API_HOST: required once any ClearML connection setting is given']);
  });

  it('when NODE_ENV=production and ClearML is not configured, then it refuses naming CLEARML_API_HOST', () => {
    const problems = problemsOf(() => load({ NODE_ENV: 'production' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CLEARML_API_HOST: required when NODE_ENV=production/);
    expect(load({ NODE_ENV: 'production', ...KEYS }).production).toBe(true);
  });

  it('when default-project mapping has no project, then CLEARML_DEFAULT_PROJECT is named', () => {
    expect(problemsOf(() => load({ CVAT_PROJECT_MAPPING: 'default-project' }))).toEqual([
      'CLEARML_DEFAULT_PROJECT: required when CVAT_PROJECT_MAPPING=default-project',
    ]);
    expect(
      load({ CVAT_PROJECT_MAPPING: 'default-project', CLEARML_DEFAULT_PROJECT: 'CVAT' })
        .projectMapping,
    ).toEqual({ rule: 'default-project', defaultProject: 'CVAT' });
  });

  it('never echoes a secret value in an error', () => {
    const secret = 'fake-secret-that-must-not-leak';
    let message = '';
    try {
      load({
        CLEARML_API_HOST: 'bad host',
        CLEARML_API_ACCESS_KEY: secret,
        CLEARML_API_SECRET_KEY: secret,
        PORT: secret,
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('CLEARML_API_HOST');
    expect(message).toContain('PORT');
    expect(message).not.toContain(secret);
  });

  it('resolves a relative UI_DIR from the working directory', () => {
    expect(load({ UI_DIR: 'public/ui' }).uiDir).toBe('/srv/proxy/public/ui');
  });
});
