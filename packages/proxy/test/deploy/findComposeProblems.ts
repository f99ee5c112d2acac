// What our two compose files must guarantee, as lists of problems (empty = fine), so the
// same checks run on the real files and on deliberately broken copies of them.
import { environmentOf } from './findLeaks.js';

type Service = Record<string, unknown> & {
  build?: { context?: string; dockerfile?: string; args?: Record<string, unknown> };
  environment?: unknown;
  labels?: string[] | Record<string, string>;
  networks?: string[] | Record<string, unknown>;
  profiles?: string[];
  ports?: unknown[];
  image?: string;
  command?: unknown;
  healthcheck?: { test?: string[] | string };
  depends_on?: string[] | Record<string, { required?: boolean; condition?: string }>;
};
type Compose = {
  services?: Record<string, Service>;
  networks?: Record<string, { external?: boolean } | null>;
  volumes?: Record<string, unknown>;
};

export const CLEARML_SERVER_SERVICES = [
  'apiserver',
  'webserver',
  'fileserver',
  'mongo',
  'elasticsearch',
  'redis',
];
export const ROUTER_RULE = 'Host(`${CVAT_HOST:-localhost}`) && PathPrefix(`/clearml-api/`)';

export function labelsOf(service: Service | undefined): Record<string, string> {
  const labels = service?.labels ?? {};
  if (!Array.isArray(labels)) return labels;
  return Object.fromEntries(
    labels.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

const names = (list: string[] | Record<string, unknown> | undefined) =>
  Array.isArray(list) ? list : Object.keys(list ?? {});

/** What the proxy service must be in either file. */
function findProxyProblems(service: Service | undefined, where: string): string[] {
  if (!service) return [`${where}: no clearml_api service`];
  const problems: string[] = [];
  if (service.build?.dockerfile !== 'packages/proxy/Dockerfile') {
    problems.push(`${where}: clearml_api must build packages/proxy/Dockerfile`);
  }
  const env = environmentOf(service);
  if (!/^(cvat|\$\{AUTH_MODE:-cvat\})$/.test(String(env.AUTH_MODE))) {
    problems.push(`${where}: AUTH_MODE must default to cvat, is ${String(env.AUTH_MODE)}`);
  }
  if (!/^\$\{CLEARML_API_HOST:\?.+\}$/.test(String(env.CLEARML_API_HOST))) {
    problems.push(`${where}: CLEARML_API_HOST must be required with \${CLEARML_API_HOST:?message}`);
  }
  for (const key of [
    'CLEARML_API_ACCESS_KEY',
    'CLEARML_API_SECRET_KEY',
    'CLEARML_API_ACCESS_KEY_FILE',
    'CLEARML_API_SECRET_KEY_FILE',
  ]) {
    if (!(key in env)) problems.push(`${where}: ${key} is not passed through`);
  }
  const probe = [service.healthcheck?.test ?? []].flat().join(' ');
  if (!/\bnode\b/.test(probe) || !probe.includes('/health'))
    problems.push(`${where}: healthcheck must ask /health`);
  if (!service.restart) problems.push(`${where}: no restart policy`);
  if (service.read_only !== true) problems.push(`${where}: root filesystem should be read-only`);
  return problems;
}

export function findStandaloneProblems(document: unknown): string[] {
  const doc = document as Compose;
  const services = doc.services ?? {};
  const api = services.clearml_api;
  const problems = findProxyProblems(api, 'docker-compose.yml');
  if (api?.build?.context !== '.') problems.push('clearml_api must build from the repository root');
  if (api?.profiles?.length) problems.push('clearml_api must start without a profile');
  if (!api?.ports?.includes('${CLEARML_API_PORT:-8500}:8500'))
    problems.push('clearml_api must publish ${CLEARML_API_PORT:-8500}:8500');
  const dep = Array.isArray(api?.depends_on) ? undefined : api?.depends_on?.apiserver;
  if (dep && dep.required !== false)
    problems.push('clearml_api must not require the profile-only apiserver');

  for (const name of CLEARML_SERVER_SERVICES) {
    const s = services[name];
    if (!s) problems.push(`profile clearml-server: no ${name} service`);
    else if (JSON.stringify(s.profiles) !== '["clearml-server"]')
      problems.push(`${name} must be in profile clearml-server only`);
  }
  for (const name of ['apiserver', 'webserver', 'fileserver']) {
    const s = services[name];
    if (!s?.image?.startsWith('clearml/server:'))
      problems.push(`${name} must run the clearml/server image`);
    if (JSON.stringify(s?.command) !== JSON.stringify([name]))
      problems.push(`${name} must run command [${name}]`);
  }
  const ports: Record<string, string> = {
    apiserver: ':8008',
    webserver: ':80',
    fileserver: ':8081',
  };
  for (const [name, suffix] of Object.entries(ports)) {
    if (!services[name]?.ports?.some((p) => String(p).endsWith(suffix)))
      problems.push(`${name} must publish container port ${suffix.slice(1)}`);
  }
  if (!/^mongo:7(\.|$)/.test(services.mongo?.image ?? '')) problems.push('mongo must be MongoDB 7');
  if (!/^redis:7(\.|$)/.test(services.redis?.image ?? '')) problems.push('redis must be Redis 7');
  if (
    !/^docker\.elastic\.co\/elasticsearch\/elasticsearch:8\./.test(
      services.elasticsearch?.image ?? '',
    )
  ) {
    problems.push('elasticsearch must be Elasticsearch 8 from docker.elastic.co');
  }
  const es = environmentOf(services.elasticsearch);
  if (es['discovery.type'] !== 'single-node')
    problems.push('elasticsearch must run as a single node');
  if (String(es['xpack.security.enabled']) !== 'false')
    problems.push('elasticsearch security must be off (ClearML has no ES credentials)');
  if (!/-Xms\S+.*-Xmx\S+/.test(String(es.ES_JAVA_OPTS)))
    problems.push('elasticsearch heap must be set in ES_JAVA_OPTS');

  // The API server finds its databases by service name.
  const apiEnv = environmentOf(services.apiserver);
  for (const [key, target] of Object.entries({
    CLEARML_ELASTIC_SERVICE_HOST: 'elasticsearch',
    CLEARML_MONGODB_SERVICE_HOST: 'mongo',
    CLEARML_REDIS_SERVICE_HOST: 'redis',
  })) {
    if (apiEnv[key] !== target || !services[target])
      problems.push(`apiserver ${key} must name the ${target} service`);
  }
  // Every named volume a service mounts is declared.
  for (const [name, s] of Object.entries(services)) {
    for (const v of (s.volumes as string[] | undefined) ?? []) {
      const source = String(v).split(':')[0]!;
      if (!/^[./$]/.test(source) && !(source in (doc.volumes ?? {})))
        problems.push(`${name}: volume ${source} is not declared`);
    }
  }
  return problems;
}

export function findCvatOverrideProblems(document: unknown): string[] {
  const doc = document as Compose;
  const services = doc.services ?? {};
  const problems: string[] = [];
  const ui = services.cvat_ui;
  if (ui?.build?.context !== '.' || ui.build.dockerfile !== 'Dockerfile.ui') {
    problems.push("cvat_ui must build CVAT's Dockerfile.ui from CVAT's checkout");
  }
  if (ui?.build?.args?.CLIENT_PLUGINS !== 'plugins/clearml')
    problems.push('cvat_ui must build with CLIENT_PLUGINS=plugins/clearml');

  const api = services.clearml_api;
  problems.push(...findProxyProblems(api, 'docker-compose.cvat.yml'));
  if (!/^\$\{CVAT_CLEARML_DIR:\?.+\}$/.test(api?.build?.context ?? '')) {
    problems.push('clearml_api build context must be the required ${CVAT_CLEARML_DIR:?message}');
  }
  const env = environmentOf(api);
  if (env.AUTH_MODE !== 'cvat')
    problems.push('clearml_api must run with AUTH_MODE=cvat inside CVAT');
  if (env.CVAT_URL !== 'http://cvat-server:8080')
    problems.push('CVAT_URL must be CVAT server on its network (http://cvat-server:8080)');
  if (api?.ports?.length)
    problems.push('clearml_api must not publish a port: Traefik is the way in');
  if (!names(api?.networks).includes('cvat'))
    problems.push('clearml_api must join the cvat network');
  if (doc.networks?.cvat?.external)
    problems.push("cvat network must not be external: it is CVAT's own, in the same project");

  const labels = labelsOf(api);
  const router = 'traefik.http.routers.clearml-api';
  const expected: Record<string, string> = {
    'traefik.enable': 'true',
    [`${router}.rule`]: ROUTER_RULE,
    [`${router}.entrypoints`]: 'web',
    'traefik.http.services.clearml-api.loadbalancer.server.port': '8500',
  };
  for (const [key, value] of Object.entries(expected)) {
    if (labels[key] !== value)
      problems.push(`label ${key} should be ${value}, is ${labels[key] ?? 'missing'}`);
  }
  const middlewares = (labels[`${router}.middlewares`] ?? '')
    .split(',')
    .map((m) => m.replace(/@docker$/, ''));
  const strips = middlewares.filter(
    (m) => labels[`traefik.http.middlewares.${m}.stripprefix.prefixes`] === '/clearml-api',
  );
  if (strips.length !== 1)
    problems.push('the router must use a stripprefix middleware for /clearml-api');
  return problems;
}
