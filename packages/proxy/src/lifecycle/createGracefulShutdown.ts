// Graceful shutdown: stop accepting connections, let in-flight requests finish (bounded),
// answer requests that still arrive on open keep-alive connections with 503 `shutting-down`
// and `Connection: close`, close idle keep-alive sockets, then release resources.
import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import { ServiceUnavailableError } from '../errors/index.js';

export interface GracefulShutdownOptions {
  /** Longest wait for in-flight requests before connections are cut. */
  timeoutMs?: number;
  /** How often idle keep-alive sockets are swept while draining. */
  pollMs?: number;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface GracefulShutdown {
  /** Mount first in the app: refuses new requests once draining. */
  gate: RequestHandler;
  isShuttingDown(): boolean;
  inFlight(): number;
  /** Resolves once the server is closed; `drained` false when the timeout cut requests off. */
  shutdown(): Promise<{ drained: boolean }>;
}

export function createGracefulShutdown(
  server: Server,
  options: GracefulShutdownOptions = {},
): GracefulShutdown {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 50;
  let shuttingDown = false;
  let active = 0;
  let done: Promise<{ drained: boolean }> | undefined;

  server.on('request', (_req, res) => {
    active++;
    res.once('close', () => active--);
  });

  const gate: RequestHandler = (_req, res, next) => {
    if (!shuttingDown) {
      next();
      return;
    }
    res.setHeader('Connection', 'close');
    next(new ServiceUnavailableError('The proxy is shutting down; retry shortly', 'shutting-down'));
  };

  const shutdown = () => {
    done ??= new Promise((resolve) => {
      shuttingDown = true;
      options.log?.('shutting down', { in_flight: active });
      const closed = new Promise<void>((r) => server.close(() => r()));
      const started = Date.now();
      const sweep = setInterval(() => {
        server.closeIdleConnections();
        const late = Date.now() - started > timeoutMs;
        // `active` counts answers not yet finished; the gate's 503s finish at once.
        if (active === 0 || late) {
          clearInterval(sweep);
          if (late)
            options.log?.('shutdown timeout: closing open connections', { in_flight: active });
          server.closeAllConnections();
          void closed.then(() => resolve({ drained: !late }));
        }
      }, pollMs);
      // Not unref'd: while draining, this timer is what keeps the process alive (bounded).
    });
    return done;
  };

  return { gate, isShuttingDown: () => shuttingDown, inFlight: () => active, shutdown };
}
