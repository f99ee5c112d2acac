import { describe, expect, it } from 'vitest';
import { findCvatOverrideProblems, labelsOf, ROUTER_RULE } from './findComposeProblems.js';
import {
  environmentOf,
  findAddressLiterals,
  findForeignHosts,
  findLiteralCredentials,
} from './findLeaks.js';
import { interpolate } from './interpolate.js';
import { loadCompose, readRepoFile } from './loadDeployFiles.js';

type Doc = {
  services: Record<string, Record<string, unknown>>;
  networks?: Record<string, unknown>;
  secrets?: Record<string, { file: string }>;
};
const load = (file = 'docker-compose.cvat.yml') => structuredClone(loadCompose(file)) as Doc;
const deployer = {
  CVAT_CLEARML_DIR: '/opt/cvat-clearml',
  CLEARML_API_HOST: 'http://apiserver:8008',
};
// Services and aliases of CVAT's own compose that these files may name.
const CVAT_HOSTS = ['cvat-server', 'cvat_server'];

describe('docker-compose.cvat.yml (override on CVAT v2.73 compose)', () => {
  it('builds cvat_ui with the plugin and routes /clearml-api/ to the proxy through Traefik', () => {
    expect(findCvatOverrideProblems(load())).toEqual([]);
  });

  it('adds only cvat_ui (rebuilt) and clearml_api to CVAT', () => {
    expect(Object.keys(load().services).sort()).toEqual(['clearml_api', 'cvat_ui']);
  });

  it('when resolved without CVAT_HOST, then the router matches localhost as CVAT does', () => {
    const labels = labelsOf(interpolate(load(), deployer).services.clearml_api as never);
    expect(labels['traefik.http.routers.clearml-api.rule']).toBe(
      'Host(`localhost`) && PathPrefix(`/clearml-api/`)',
    );
  });

  it('when CVAT_HOST is set, then the router follows it', () => {
    const doc = interpolate(load(), { ...deployer, CVAT_HOST: 'cvat.localhost' });
    expect(
      labelsOf(doc.services.clearml_api as never)['traefik.http.routers.clearml-api.rule'],
    ).toBe('Host(`cvat.localhost`) && PathPrefix(`/clearml-api/`)');
  });

  it('when CVAT_CLEARML_DIR is not set, then compose refuses with a message naming it', () => {
    expect(() => interpolate(load(), { CLEARML_API_HOST: 'http://apiserver:8008' })).toThrow(
      /CVAT_CLEARML_DIR: set CVAT_CLEARML_DIR/,
    );
  });

  it('holds no credential and no address but CVAT service names and localhost', () => {
    const text = readRepoFile('docker-compose.cvat.yml');
    expect(findLiteralCredentials(load())).toEqual([]);
    expect(findAddressLiterals(text)).toEqual([]);
    expect(findForeignHosts(text, CVAT_HOSTS)).toEqual([]);
  });

  describe('when the file is broken, the checks say so', () => {
    const api = (d: Doc) => d.services.clearml_api!;
    const setLabel = (d: Doc, key: string, value?: string) => {
      const labels = (api(d).labels as string[]).filter((l) => !l.startsWith(`${key}=`));
      api(d).labels = value === undefined ? labels : [...labels, `${key}=${value}`];
    };
    const mutations: [string, (d: Doc) => void, RegExp][] = [
      [
        'CLIENT_PLUGINS is misspelt',
        (d) =>
          ((d.services.cvat_ui!.build as { args: Record<string, string> }).args = {
            CLIENT_PLUGIN: 'plugins/clearml',
          }),
        /CLIENT_PLUGINS/,
      ],
      [
        'the plugin folder is elsewhere',
        (d) =>
          ((d.services.cvat_ui!.build as { args: Record<string, string> }).args.CLIENT_PLUGINS =
            'plugins/clearml-panel'),
        /CLIENT_PLUGINS=plugins\/clearml/,
      ],
      [
        'the strip-prefix middleware is dropped',
        (d) => setLabel(d, 'traefik.http.middlewares.clearml-api-strip.stripprefix.prefixes'),
        /stripprefix/,
      ],
      [
        "the router claims CVAT's /api/",
        (d) =>
          setLabel(
            d,
            'traefik.http.routers.clearml-api.rule',
            'Host(`${CVAT_HOST:-localhost}`) && PathPrefix(`/api/`)',
          ),
        /rule should be/,
      ],
      [
        'the service port is wrong',
        (d) => setLabel(d, 'traefik.http.services.clearml-api.loadbalancer.server.port', '8080'),
        /server.port should be 8500/,
      ],
      [
        'Traefik is not enabled for it',
        (d) => setLabel(d, 'traefik.enable'),
        /traefik.enable should be true/,
      ],
      [
        "the entrypoint differs from CVAT's",
        (d) => setLabel(d, 'traefik.http.routers.clearml-api.entrypoints', 'http'),
        /entrypoints should be web/,
      ],
      ['the proxy leaves the cvat network', (d) => (api(d).networks = ['default']), /cvat network/],
      [
        'the cvat network is made external',
        (d) => (d.networks = { cvat: { external: true } }),
        /must not be external/,
      ],
      [
        'the proxy accepts static tokens',
        (d) => ((api(d).environment as Record<string, unknown>).AUTH_MODE = 'token'),
        /AUTH_MODE/,
      ],
      [
        'CVAT_URL points at the public host',
        (d) => ((api(d).environment as Record<string, unknown>).CVAT_URL = 'http://localhost:8080'),
        /CVAT_URL/,
      ],
      [
        'a port is published past Traefik',
        (d) => (api(d).ports = ['8500:8500']),
        /must not publish/,
      ],
      [
        'the build context has a silent default',
        (d) => ((api(d).build as Record<string, string>).context = '${CVAT_CLEARML_DIR:-..}'),
        /CVAT_CLEARML_DIR/,
      ],
    ];
    it.each(mutations)('when %s', (_name, mutate, message) => {
      const doc = load();
      mutate(doc);
      expect(findCvatOverrideProblems(doc).join('\n')).toMatch(message);
    });
  });

  it("the router rule is longer than the UI's catch-all, so Traefik prefers it by default", () => {
    expect(ROUTER_RULE.length).toBeGreaterThan('Host(`${CVAT_HOST:-localhost}`)'.length);
  });
});

describe('deploy/docker-compose.cvat.https.yml', () => {
  it("moves the router to CVAT's websecure entrypoint with its lets-encrypt resolver", () => {
    const labels = labelsOf(
      load('deploy/docker-compose.cvat.https.yml').services.clearml_api as never,
    );
    expect(labels).toEqual({
      'traefik.http.routers.clearml-api.entrypoints': 'websecure',
      'traefik.http.routers.clearml-api.tls.certresolver': 'lets-encrypt',
    });
  });
});

describe('deploy/docker-compose.secrets.yml', () => {
  it('gives the proxy its keys as files under /run/secrets, from files outside git', () => {
    const doc = load('deploy/docker-compose.secrets.yml');
    const env = environmentOf(doc.services.clearml_api);
    const secrets = doc.services.clearml_api!.secrets as string[];
    expect(env).toEqual({
      CLEARML_API_ACCESS_KEY_FILE: '/run/secrets/clearml_api_access_key',
      CLEARML_API_SECRET_KEY_FILE: '/run/secrets/clearml_api_secret_key',
    });
    expect(secrets.sort()).toEqual(Object.keys(doc.secrets!).sort());
    const resolved = interpolate(doc, {});
    for (const name of secrets)
      expect(resolved.secrets![name]!.file).toBe(`./deploy/secrets/${name}`);
    expect(readRepoFile('deploy/secrets/.gitignore')).toMatch(/^\*$/m);
    expect(findLiteralCredentials(doc)).toEqual([]);
  });
});
