import type { EmulatorStore } from './store/EmulatorStore.js';

export interface EmulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 = a free port. */
  port?: number;
  /** PRNG seed for generated data, default 42. */
  seed?: number;
  /** Default true: the hand-made, realistic demo set. */
  sampleData?: boolean;
  /** Extra generated projects (default 0). */
  projects?: number;
  /** Extra generated tasks spread over generated projects (default 0). */
  tasks?: number;
  /** Extra generated models (default 0). */
  models?: number;
  /** Load state from this JSON if it exists; save to it on stop()/save(). */
  dataFile?: string;
  /** Default 'FAKE_EMULATOR_ACCESS_KEY'. */
  accessKey?: string;
  /** Default 'fake-emulator-secret-key'. */
  secretKey?: string;
  /** Default 30 days. */
  tokenLifetimeSec?: number;
  /** No console output. */
  quiet?: boolean;
  /** Clock in epoch ms, for tests of token expiry and scroll expiry (default Date.now). */
  now?: () => number;
  /**
   * Epoch ms: the seeded data's dates move together so that the latest falls here (a demo that
   * looks live). Default: as generated, around 2 Jun 2025, the same on every run.
   */
  datesEndAt?: number;
}

export interface Faults {
  /** Added before answering every call (0). */
  latencyMs: number;
  /** 0..1 share of calls answered with failStatus (0). */
  failRate: number;
  /** 500 | 502 | 503 | 504 (503); 502 answers an HTML page like a reverse proxy would. */
  failStatus: number;
  /** Limit failRate to these endpoints, e.g. ['tasks.get_all_ex'] (null = all). */
  failEndpoints: string[] | null;
  /** New and existing connections are destroyed without an answer. */
  unreachable: boolean;
  /** >0: tasks.create / projects.create commit, then hold the response this long, then drop it. */
  commitThenTimeoutMs: number;
  /** Lifetime of tokens issued from now on. */
  tokenLifetimeSec: number;
}

export interface SeedMoreOptions {
  projects?: number;
  tasks?: number;
  models?: number;
  /** Put the generated tasks (and models) into this project, created if missing. */
  projectName?: string;
}

export interface RunningEmulator {
  /** 'http://127.0.0.1:<port>' */
  url: string;
  host: string;
  port: number;
  credentials: { accessKey: string; secretKey: string };
  setFaults(f: Partial<Faults>): void;
  clearFaults(): void;
  faults(): Faults;
  /** Every token issued so far answers 401/30 from now on. */
  expireAllTokens(): void;
  /** Calls per endpoint name ('tasks.get_all_ex': 12, 'auth.login': 1). */
  calls(): Record<string, number>;
  resetCalls(): void;
  /** Back to the seeded data; clears faults and counters. */
  reset(): void;
  seedMore(opts: SeedMoreOptions): void;
  /** Direct access for tests. */
  store: EmulatorStore;
  /** To dataFile. */
  save(): Promise<void>;
  /** Closes the server and all sockets. */
  stop(): Promise<void>;
}
