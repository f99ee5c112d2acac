import { startEmulator, type RunningEmulator } from '@cvat-clearml/clearml-emulator';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { createSecurity } from '../../src/auth/index.js';
import { createClearmlService } from '../../src/clearml/index.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { listen } from './buildSecurityApp.js';

const readAll = (stream: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

/** Relays proxy → emulator and keeps every ClearML token handed out: secrets to look for. */
async function startTokenTap(target: URL) {
  const tokens = new Set<string>();
  const server = createServer((req, res) => {
    void readAll(req).then((body) => {
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          void readAll(answer).then((data) => {
            const token = /"token"\s*:\s*"([^"]+)"/.exec(data.toString('utf8'))?.[1];
            if (token) tokens.add(token);
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(data);
          });
        },
      );
      upstream.on('error', () => res.socket?.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokens: () => [...tokens],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RealProxy {
  url: string;
  emulator: RunningEmulator;
  /** Every log line the proxy wrote (JSON text). */
  lines: string[];
  /** Values that must never reach a caller: ClearML's keys and every token it issued. */
  secrets(): string[];
  stop(): Promise<void>;
}

/**
 * The real app (createApp + createClearmlService + createSecurity) against a real emulator,
 * over loopback HTTP, configured the way main.ts does it, from an environment.
 */
export async function startRealProxy(env: Record<string, string>): Promise<RealProxy> {
  const emulator = await startEmulator({ port: 0, quiet: true });
  const tap = await startTokenTap(new URL(emulator.url));
  const cwd = mkdtempSync(join(tmpdir(), 'proxy-security-')); // no stray .env
  // A tiny stand-in for the panel's build, so /ui answers as it does in a real deployment.
  mkdirSync(join(cwd, 'ui', 'assets'), { recursive: true });
  writeFileSync(join(cwd, 'ui', 'index.html'), '<!doctype html><title>fake panel</title>');
  writeFileSync(join(cwd, 'ui', 'assets', 'app-fake1234.js'), 'console.log("fake panel");');
  const { accessKey, secretKey } = emulator.credentials;
  const config = loadConfig(
    {
      CLEARML_API_HOST: tap.url,
      CLEARML_WEB_HOST: 'http://127.0.0.1:8080',
      CLEARML_API_ACCESS_KEY: accessKey,
      CLEARML_API_SECRET_KEY: secretKey,
      HOST: '127.0.0.1',
      CACHE_TTL_MS: '0',
      UI_DIR: join(cwd, 'ui'),
      ...env,
    },
    { cwd, readFile: (path) => readFileSync(path, 'utf8') },
  );
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: () => [accessKey, secretKey],
    write: (line) => lines.push(line),
  });
  const service = createClearmlService({
    apiHost: tap.url,
    webHost: 'http://127.0.0.1:8080',
    accessKey,
    secretKey,
    timeoutMs: config.clearmlTimeoutMs,
    cacheTtlMs: config.cacheTtlMs,
    log: (line) => logger.line(line),
  });
  const security = createSecurity(config.env, {
    log: (line) => logger.line(line),
    host: config.host,
    demo: false,
  });
  const app = createApp({ config, logger, service, security, version: '0.0.0-test' });
  const server = await listen(app);
  return {
    url: server.url,
    emulator,
    lines,
    secrets: () => [accessKey, secretKey, ...tap.tokens()],
    stop: async () => {
      await server.stop();
      await service.close();
      await tap.stop();
      await emulator.stop();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
