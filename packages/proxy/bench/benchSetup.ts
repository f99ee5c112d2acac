import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildRegistry, freePort, waitUntilReady, type Child } from './createChildRegistry.js';
import { createEmulatorClient, type EmulatorClient } from './createEmulatorClient.js';

export const PROXY_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The emulator's default keys: fake, they unlock only the emulator. */
const FAKE_KEYS = { accessKey: 'FAKE_EMULATOR_ACCESS_KEY', secretKey: 'fake-emulator-secret-key' };
const TSX = ['--conditions=source', '--import', 'tsx'];
/** As in the proxy's `start` script and the Dockerfile's CMD (a test keeps the three alike). */
export const PROXY_NODE_FLAGS = [
  '--no-allocation-site-pretenuring',
  '--max-semi-space-size=32',
  '--single-threaded-gc',
  '--initial-old-space-size=128',
];

export interface DataSet {
  projects: number;
  tasks: number;
  models: number;
  bigProject: { name: string; tasks: number };
}

export interface RunningEmulator {
  child: Child;
  port: number;
  client: EmulatorClient;
  startMs: number;
}

export async function startEmulatorProcess(
  registry: ChildRegistry,
  data: DataSet,
): Promise<RunningEmulator> {
  const port = await freePort();
  const child = registry.start(
    'emulator',
    [
      // When the emulator's allocation slows (the cache-on proxy barely calls it), V8's memory
      // reducer runs a full GC of its 100,000-task heap: a 100-300 ms stall at the same point
      // of every run. Direct calls wait it out while the cache-on proxy answers from its cache,
      // which made that proxy's p99 look 40-130 ms better than direct. The emulator's other
      // GC is left as it is.
      '--no-memory-reducer',
      ...TSX,
      '../clearml-emulator/src/cli.ts',
      '--quiet',
      '--port',
      String(port),
      '--projects',
      String(data.projects),
      // The big project's tasks count towards the total.
      '--tasks',
      String(data.tasks - data.bigProject.tasks),
      '--models',
      String(data.models),
      '--big-project',
      `${data.bigProject.name}:${data.bigProject.tasks}`,
    ],
    { cwd: PROXY_DIR },
  );
  const client = createEmulatorClient(`http://127.0.0.1:${port}`, FAKE_KEYS);
  const startMs = await waitUntilReady(child, () => client.ping(), 120_000);
  return { child, port, client, startMs };
}

export interface RunningProxy {
  label: string;
  child: Child;
  url: string;
  startMs: number;
}

/** The proxy as users run it (`pnpm start`: tsx on the sources), in its own process. */
export async function startProxyProcess(
  registry: ChildRegistry,
  label: string,
  emulatorUrl: string,
  extraEnv: Record<string, string>,
): Promise<RunningProxy> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    AUTH_MODE: 'none',
    // The load generator is one caller; the per-caller limit would measure 429s.
    RATE_LIMIT_PER_MINUTE: '0',
    CLEARML_API_HOST: emulatorUrl,
    CLEARML_API_ACCESS_KEY: FAKE_KEYS.accessKey,
    CLEARML_API_SECRET_KEY: FAKE_KEYS.secretKey,
    ...extraEnv,
  };
  // BENCH_PROXY_LOG_DIR=<dir> keeps each proxy's log lines, to explain odd figures.
  const logDir = process.env.BENCH_PROXY_LOG_DIR;
  // The same V8 flags as `pnpm start` and the Docker image (see the Dockerfile's CMD).
  const child = registry.start(`proxy (${label})`, [...PROXY_NODE_FLAGS, ...TSX, 'src/main.ts'], {
    cwd: PROXY_DIR,
    env,
    stdoutFile: logDir ? join(logDir, `proxy-${label.replace(/\W+/g, '-')}.log`) : undefined,
  });
  const url = `http://127.0.0.1:${port}`;
  const startMs = await waitUntilReady(
    child,
    async () => (await fetch(`${url}/health`)).status === 200,
    60_000,
  );
  return { label, child, url, startMs };
}
