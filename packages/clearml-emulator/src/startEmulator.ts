import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TokenService } from './auth/TokenService.js';
import { createPrng } from './data/createPrng.js';
import { KEY_OWNER } from './data/domains.js';
import { seedGenerated } from './data/seedGenerated.js';
import { seedSampleData } from './data/seedSampleData.js';
import { shiftDates } from './data/shiftDates.js';
import { allEndpoints } from './endpoints/allEndpoints.js';
import type { EmulatorServices } from './endpoints/EndpointDef.js';
import { FaultState } from './faults/FaultState.js';
import { ScrollRegistry } from './query/ScrollRegistry.js';
import { SortCache } from './query/SortCache.js';
import { handleApiRequest } from './server/handleApiRequest.js';
import { CONTROL_PREFIX, handleControlRequest } from './server/handleControlRequest.js';
import { COMPANY_ID, COMPANY_NAME } from './store/entities.js';
import { EmulatorStore, type StoreSnapshot } from './store/EmulatorStore.js';
import type { EmulatorOptions, Faults, RunningEmulator, SeedMoreOptions } from './types.js';

const THIRTY_DAYS_SEC = 30 * 24 * 3600;

/** Starts a ClearML API server in miniature on loopback (a free port unless told otherwise). */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? 42;
  const nowMs = opts.now ?? Date.now;
  const log = opts.quiet ? () => {} : (line: string) => console.log(line);
  const credentials = {
    accessKey: opts.accessKey ?? 'FAKE_EMULATOR_ACCESS_KEY',
    secretKey: opts.secretKey ?? 'fake-emulator-secret-key',
  };
  const defaultFaults = (): Faults => ({
    latencyMs: 0,
    failRate: 0,
    failStatus: 503,
    failEndpoints: null,
    unreachable: false,
    commitThenTimeoutMs: 0,
    tokenLifetimeSec: opts.tokenLifetimeSec ?? THIRTY_DAYS_SEC,
  });

  const store = new EmulatorStore({
    newId: () => randomUUID().replace(/-/g, ''),
    now: () => new Date(nowMs()),
    defaultUser: KEY_OWNER.id,
  });
  const services: EmulatorServices = {
    store,
    tokens: new TokenService(nowMs),
    scrolls: new ScrollRegistry(nowMs),
    sortCache: new SortCache(() => store.version),
    faults: new FaultState(defaultFaults),
    credentials,
    identity: {
      user: KEY_OWNER.id,
      company: COMPANY_ID,
      role: KEY_OWNER.role,
      user_name: KEY_OWNER.name,
      company_name: COMPANY_NAME,
    },
    nowMs,
  };

  let seedMoreCount = 0;
  const seedInitial = async () => {
    if (opts.dataFile && existsSync(opts.dataFile)) {
      store.load(JSON.parse(await readFile(opts.dataFile, 'utf8')) as StoreSnapshot);
      return;
    }
    seedFromOptions();
  };
  const seedFromOptions = () => {
    store.clear();
    const prng = createPrng(seed);
    store.withIds(
      () => prng.hex(32),
      () => {
        if (opts.sampleData !== false) seedSampleData(store, prng);
        seedGenerated(store, prng, {
          projects: opts.projects,
          tasks: opts.tasks,
          models: opts.models,
        });
      },
    );
    if (opts.datesEndAt !== undefined) shiftDates(store, opts.datesEndAt);
  };
  await seedInitial();

  const counters = new Map<string, number>();
  const held = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const endpoints = allEndpoints();
  const apiDeps = { services, endpoints, counters, random: Math.random, log, held };

  const control = {
    faults: () => services.faults.get(),
    setFaults: (f: Partial<Faults>) => {
      services.faults.set(f);
      if (f.unreachable) for (const s of sockets) s.destroy();
    },
    clearFaults: () => services.faults.clear(),
    expireAllTokens: () => services.tokens.revokeAll(),
    calls: () => Object.fromEntries(counters),
    resetCalls: () => counters.clear(),
    reset: () => {
      services.faults.clear();
      counters.clear();
      services.scrolls.clear();
      services.sortCache.clear();
      seedMoreCount = 0;
      // Loading a data file is asynchronous; the seeded data is rebuilt synchronously.
      if (opts.dataFile && existsSync(opts.dataFile)) {
        void seedInitial();
        return;
      }
      seedFromOptions();
    },
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const isControl = url.pathname.startsWith(CONTROL_PREFIX);
    if (!isControl && services.faults.get().unreachable) {
      req.socket.destroy();
      return;
    }
    const work = isControl
      ? handleControlRequest(req, res, url.pathname, control)
      : handleApiRequest(req, res, url, apiDeps);
    work.catch((err: unknown) => {
      log(`emulator: request failed: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Failed processing request');
    });
  };

  const server = createServer(onRequest);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const save = async () => {
    if (!opts.dataFile) return;
    const tmp = `${opts.dataFile}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(store.snapshot()));
    await rename(tmp, opts.dataFile);
  };

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    credentials: { ...credentials },
    setFaults: control.setFaults,
    clearFaults: control.clearFaults,
    faults: control.faults,
    expireAllTokens: control.expireAllTokens,
    calls: control.calls,
    resetCalls: control.resetCalls,
    reset: control.reset,
    seedMore: (more: SeedMoreOptions) => {
      const prng = createPrng(seed + ++seedMoreCount * 7919);
      store.withIds(
        () => prng.hex(32),
        () => seedGenerated(store, prng, more),
      );
    },
    store,
    save,
    stop: async () => {
      for (const t of held) clearTimeout(t);
      held.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
      await save();
    },
  };
}
