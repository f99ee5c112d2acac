// The real thing, in one process for speed: the emulator (real HTTP server) ← wire tap ← the
// ClearML service ← the Express app listening on 127.0.0.1:0. Tests talk HTTP to `url`. Every
// answer and log line is kept, so a test can assert that no secret ever came out.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '@cvat-clearml/clearml-emulator';
import { createApp } from '../../../src/app.js';
import { createSecurity } from '../../../src/auth/index.js';
import { createClearmlService, type ClearmlServiceOptions } from '../../../src/clearml/index.js';
import type { ClearmlService } from '../../../src/clearml/types.js';
import { loadConfig, type Config } from '../../../src/config/index.js';
import { createAppServer } from '../../../src/createAppServer.js';
import { createGracefulShutdown, type GracefulShutdown } from '../../../src/lifecycle/index.js';
import { createCallTally, createLogger } from '../../../src/logging/index.js';
import { contractProblems } from './contract.js';
import { startWireTap, type WireTap } from './startWireTap.js';

export interface StackOptions {
  /** Extra settings, as environment variables (UI_DIR, READ_ONLY …). */
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  service?: Partial<ClearmlServiceOptions>;
  /** Use these credentials instead of the emulator's (a key ClearML rejects). */
  credentials?: { accessKey: string; secretKey: string };
  /** Longest wait for requests in flight on shutdown (default 5000). */
  shutdownTimeoutMs?: number;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
}

export interface Stack {
  url: string;
  emulator: RunningEmulator;
  tap: WireTap;
  service: ClearmlService;
  config: Config;
  lifecycle: GracefulShutdown;
  server: Server;
  logs: string[];
  answers: Answer[];
  /** Any request; the answer is recorded for the leak check. */
  call(path: string, init?: RequestInit): Promise<Answer>;
  /** A request that must answer as the contract says for this operation. */
  op(operationId: string, path: string, init?: RequestInit): Promise<Answer>;
  /** Every value that must never reach a caller or a log line. */
  secrets(): string[];
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    ...options.emulator,
  });
  const tap = await startWireTap(emulator.url);
  const credentials = options.credentials ?? emulator.credentials;
  const config = loadConfig(
    {
      CLEARML_API_HOST: tap.url,
      CLEARML_API_ACCESS_KEY: credentials.accessKey,
      CLEARML_API_SECRET_KEY: credentials.secretKey,
      CLEARML_WEB_HOST: 'http://127.0.0.1:8080',
      UI_DIR: '/nonexistent/ui',
      // Callers are not this suite's subject (test/security covers them); loopback only.
      AUTH_MODE: 'none',
      // Tests page through 1,200 tasks quickly; the limiter has its own tests.
      RATE_LIMIT_PER_MINUTE: '0',
      ...options.env,
    },
    {
      cwd: '/nonexistent',
      readFile: (path) => {
        throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
      },
    },
  );
  const logs: string[] = [];
  const basic = Buffer.from(`${credentials.accessKey}:${credentials.secretKey}`).toString('base64');
  const logger = createLogger({
    level: 'debug',
    secrets: () => [credentials.accessKey, credentials.secretKey, basic],
    write: (line) => logs.push(line),
  });
  const callTally = createCallTally();
  const service = createClearmlService({
    apiHost: config.clearml!.apiHost,
    webHost: config.clearml!.webHost,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    timeoutMs: config.clearmlTimeoutMs,
    cacheTtlMs: config.cacheTtlMs,
    log: callTally.tee((line) => logger.line({ msg: 'clearml call', ...line })),
    ...options.service,
  });
  const security = createSecurity(config.env, {
    log: (line) => logger.line(line),
    host: config.host,
    demo: false,
  });
  // As main.ts builds it, so every integration test runs on the same server.
  const { server, serve } = createAppServer();
  const lifecycle = createGracefulShutdown(server, {
    timeoutMs: options.shutdownTimeoutMs ?? 5000,
  });
  serve(
    createApp({
      config,
      logger,
      service,
      security,
      version: '0.0.0-test',
      callTally,
      shutdownGate: lifecycle.gate,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const answers: Answer[] = [];
  const call = async (path: string, init?: RequestInit): Promise<Answer> => {
    const res = await fetch(`${url}${path}`, init);
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const answer = { status: res.status, headers: res.headers, text, body };
    answers.push(answer);
    return answer;
  };

  return {
    url,
    emulator,
    tap,
    service,
    config,
    lifecycle,
    server,
    logs,
    answers,
    call,
    op: async (operationId, path, init) => {
      const answer = await call(path, init);
      const problems = contractProblems(
        operationId,
        answer.status,
        answer.headers.get('content-type'),
        answer.body ?? answer.text,
      );
      if (problems.length > 0) {
        throw new Error(`${path} broke the contract:\n${problems.slice(0, 10).join('\n')}`);
      }
      return answer;
    },
    secrets: () => [
      credentials.accessKey,
      credentials.secretKey,
      basic,
      ...tap.tokens(),
      ...tap.authorizations().map((a) => a.replace(/^\w+\s+/, '')),
    ],
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
      await tap.stop();
      await emulator.stop();
    },
  };
}
