import express, { type Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecurity, type SecurityDeps } from '../../src/auth/index.js';
import type { Caller, Security } from '../../src/auth/index.js';
import { problemMiddleware } from '../../src/errors/index.js';

/**
 * The security middlewares in the order app.ts mounts them, around two tiny routes: who am I,
 * and a write that needs the create permission. Lets the guards be tested on their own.
 */
export function buildSecurityApp(security: Security): Express {
  const app = express();
  app.use(...security.headers);
  app.get('/', (_req, res) => void res.json({ public: true }));
  app.use(security.authenticate, security.rateLimit);
  app.use(express.json({ limit: '64kb' }));
  app.use(security.csrf);
  app.get('/whoami', (_req, res) => {
    const caller = res.locals.caller as Caller;
    res.json({ caller, can_create: security.canCreate(caller) });
  });
  app.post('/projects/:name/tasks/create', (req, res) => {
    const caller = res.locals.caller as Caller;
    security.assertCanCreate(caller);
    security.audit({
      caller,
      action: 'task.create',
      project: req.params.name,
      taskId: 'fake-task-1',
    });
    res.status(201).json({ id: 'fake-task-1' });
  });
  app.use(problemMiddleware(() => undefined));
  return app;
}

export interface Started {
  url: string;
  logs: Record<string, unknown>[];
  security: Security;
  stop(): Promise<void>;
}

export async function listen(app: Express): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** createSecurity from env + a running app around it, with the log lines it wrote. */
export async function startSecured(
  env: Record<string, string | undefined>,
  deps: Partial<SecurityDeps> = {},
): Promise<Started> {
  const logs: Record<string, unknown>[] = [];
  const security = createSecurity(env, {
    log: (line) => logs.push(line),
    host: '127.0.0.1',
    demo: false,
    ...deps,
  });
  const server = await listen(buildSecurityApp(security));
  return { ...server, logs, security };
}
