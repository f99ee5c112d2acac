import { describe, expect, it } from 'vitest';
import { CLEARML_SERVER_SERVICES, findStandaloneProblems } from './findComposeProblems.js';
import { findAddressLiterals, findForeignHosts, findLiteralCredentials } from './findLeaks.js';
import { interpolate, InterpolationError } from './interpolate.js';
import { loadCompose, parseDotenv, readRepoFile } from './loadDeployFiles.js';

type Doc = {
  services: Record<string, Record<string, unknown>>;
  networks?: Record<string, unknown>;
};
const load = () => structuredClone(loadCompose('docker-compose.yml')) as Doc;
const envExample = parseDotenv(readRepoFile('.env.example'));

describe('docker-compose.yml (standalone proxy, optional ClearML server)', () => {
  it('has the clearml_api service, built from the proxy Dockerfile, and a complete clearml-server profile', () => {
    expect(findStandaloneProblems(load())).toEqual([]);
  });

  it('when no profile is chosen, then only clearml_api starts', () => {
    const services = load().services;
    const always = Object.keys(services).filter((n) => !services[n]!.profiles);
    expect(always).toEqual(['clearml_api']);
    expect(Object.keys(services).sort()).toEqual(
      ['clearml_api', ...CLEARML_SERVER_SERVICES].sort(),
    );
  });

  it('when resolved with .env.example, then the proxy listens on host port 8500 in cvat mode', () => {
    const api = interpolate(load(), envExample).services.clearml_api!;
    expect(api.ports).toEqual(['8500:8500']);
    expect((api.environment as Record<string, unknown>).AUTH_MODE).toBe('cvat');
    expect((api.environment as Record<string, unknown>).CLEARML_API_HOST).toBe(
      'http://apiserver:8008',
    );
  });

  it('when CLEARML_API_HOST is not set, then compose refuses with a message naming it', () => {
    const { CLEARML_API_HOST: _omitted, ...rest } = envExample;
    expect(() => interpolate(load(), rest)).toThrow(InterpolationError);
    expect(() => interpolate(load(), rest)).toThrow(/CLEARML_API_HOST: set CLEARML_API_HOST/);
  });

  it('when AUTH_MODE and the port are set in the environment, then they win over the defaults', () => {
    const api = interpolate(load(), { ...envExample, AUTH_MODE: 'token', CLEARML_API_PORT: '9100' })
      .services.clearml_api!;
    expect(api.ports).toEqual(['9100:8500']);
    expect((api.environment as Record<string, unknown>).AUTH_MODE).toBe('token');
  });

  it('holds no credential and no address but service names, localhost and loopback', () => {
    const text = readRepoFile('docker-compose.yml');
    const doc = load();
    expect(findLiteralCredentials(doc)).toEqual([]);
    expect(findAddressLiterals(text)).toEqual([]);
    expect(findForeignHosts(text, Object.keys(doc.services))).toEqual([]);
  });

  it('keeps the databases on an internal network that the proxy does not join', () => {
    const doc = load();
    expect(doc.networks?.clearml_backend).toEqual({ internal: true });
    for (const db of ['mongo', 'elasticsearch', 'redis'])
      expect(doc.services[db]!.networks).toEqual(['clearml_backend']);
    expect(doc.services.clearml_api!.networks).toBeUndefined();
  });

  describe('when the file is broken, the checks say so', () => {
    const mutations: [string, (d: Doc) => void, RegExp][] = [
      [
        'AUTH_MODE defaults to none',
        (d) =>
          ((d.services.clearml_api!.environment as Record<string, unknown>).AUTH_MODE =
            '${AUTH_MODE:-none}'),
        /AUTH_MODE must default to cvat/,
      ],
      [
        'the port mapping changes',
        (d) => (d.services.clearml_api!.ports = ['8000:8500']),
        /CLEARML_API_PORT/,
      ],
      [
        'the healthcheck is dropped',
        (d) => delete d.services.clearml_api!.healthcheck,
        /healthcheck/,
      ],
      [
        'the Dockerfile path changes',
        (d) =>
          ((d.services.clearml_api!.build as Record<string, unknown>).dockerfile = 'Dockerfile'),
        /packages\/proxy\/Dockerfile/,
      ],
      [
        'redis leaves the profile',
        (d) => delete d.services.redis!.profiles,
        /redis must be in profile/,
      ],
      [
        'Elasticsearch security is on',
        (d) =>
          ((d.services.elasticsearch!.environment as Record<string, unknown>)[
            'xpack.security.enabled'
          ] = 'true'),
        /security must be off/,
      ],
      ['MongoDB is 6', (d) => (d.services.mongo!.image = 'mongo:6.0'), /MongoDB 7/],
      [
        'the apiserver looks for a missing service',
        (d) =>
          ((
            d.services.apiserver!.environment as Record<string, unknown>
          ).CLEARML_REDIS_SERVICE_HOST = 'cache'),
        /CLEARML_REDIS_SERVICE_HOST/,
      ],
      [
        'a volume is not declared',
        (d) => (d.services.redis!.volumes = ['redis_data:/data']),
        /redis_data is not declared/,
      ],
    ];
    it.each(mutations)('when %s', (_name, mutate, message) => {
      const doc = load();
      mutate(doc);
      expect(findStandaloneProblems(doc).join('\n')).toMatch(message);
    });

    it('when a key is written into the file, then the credential check finds it', () => {
      const doc = load();
      (doc.services.clearml_api!.environment as Record<string, unknown>).CLEARML_API_SECRET_KEY =
        '${CLEARML_API_SECRET_KEY:-fake-secret-key}';
      expect(findLiteralCredentials(doc)).toEqual([
        'clearml_api.CLEARML_API_SECRET_KEY holds a literal value instead of a ${VAR} reference',
      ]);
    });

    it('when a LAN address is written into the file, then the address checks find it', () => {
      const text = readRepoFile('docker-compose.yml').replace(
        'http://127.0.0.1:',
        'http://10.1.2.3:',
      );
      expect(findAddressLiterals(text)).toEqual(['10.1.2.3']);
      expect(findForeignHosts(text, [])).toContain('10.1.2.3');
    });
  });
});

describe('.env.example', () => {
  it('documents every variable the compose files read, except those CVAT itself defines', () => {
    const used = new Set<string>();
    for (const file of [
      'docker-compose.yml',
      'docker-compose.cvat.yml',
      'deploy/docker-compose.secrets.yml',
    ]) {
      for (const m of readRepoFile(file).matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) used.add(m[1]!);
    }
    used.delete('CVAT_VERSION');
    const documented = readRepoFile('.env.example');
    const missing = [...used].filter((v) => !new RegExp(`^#?\\s*${v}=`, 'm').test(documented));
    expect(missing).toEqual([]);
  });

  it('holds only obviously fake credentials and no LAN address', () => {
    const text = readRepoFile('.env.example');
    for (const [key, value] of Object.entries(envExample)) {
      if (/KEY|SECRET|TOKEN/.test(key)) expect(value.toLowerCase()).toContain('fake');
    }
    for (const m of text.matchAll(/^#\s*([A-Z_]*(?:KEY|SECRET|TOKENS))=(.+)$/gm)) {
      expect(m[2]!.toLowerCase()).toContain('fake');
    }
    expect(findAddressLiterals(text)).toEqual([]);
    expect(findForeignHosts(text, [...Object.keys(load().services), 'cvat-server'])).toEqual([]);
  });
});
