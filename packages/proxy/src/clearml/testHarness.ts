// Test-only helpers (imported by *.test.ts files only): a real emulator over HTTP, a service
// pointed at it, and the log lines the service wrote.
import { startEmulator, type RunningEmulator } from '@cvat-clearml/clearml-emulator';
import { createProjectScope } from '../auth/createProjectScope.js';
import { createClearmlService, type ClearmlServiceOptions } from './createClearmlService.js';
import type { CallContext, ClearmlService } from './types.js';

export interface Harness {
  emulator: RunningEmulator;
  service: ClearmlService;
  logs: Record<string, unknown>[];
  /** Another service on the same emulator (a proxy restart, another replica). */
  newService(overrides?: Partial<ClearmlServiceOptions>): ClearmlService;
  stop(): Promise<void>;
}

export const WEB_HOST = 'http://127.0.0.1:8080';

export async function startHarness(
  overrides: Partial<ClearmlServiceOptions> = {},
): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, quiet: true });
  const logs: Record<string, unknown>[] = [];
  const services: ClearmlService[] = [];
  const newService = (more: Partial<ClearmlServiceOptions> = {}) => {
    const s = createClearmlService({
      apiHost: emulator.url,
      webHost: WEB_HOST,
      accessKey: emulator.credentials.accessKey,
      secretKey: emulator.credentials.secretKey,
      log: (line) => logs.push(line),
      ...overrides,
      ...more,
    });
    services.push(s);
    return s;
  };
  const service = newService();
  return {
    emulator,
    service,
    logs,
    newService,
    stop: async () => {
      await Promise.all(services.map((s) => s.close()));
      await emulator.stop();
    },
  };
}

export function ctxFor(patterns: string[] = ['*'], requestId = 'req-test'): CallContext {
  return { scope: createProjectScope(patterns), requestId };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
