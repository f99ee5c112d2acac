import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from './errors.js';
import { problemMiddleware } from './problemMiddleware.js';

async function serve(app: express.Express) {
  const server = http.createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

describe('problemMiddleware', () => {
  it('when a named error is thrown, then the answer is problem+json with its status', async () => {
    const app = express();
    app.get('/x', () => {
      throw new NotFoundError('Project not found: a.b');
    });
    const logged: unknown[] = [];
    app.use(problemMiddleware((e) => logged.push(e)));
    const s = await serve(app);
    const res = await fetch(`${s.url}/x`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      status: 404,
      detail: 'Project not found: a.b',
      instance: '/x',
    });
    expect(logged).toEqual([]);
    await s.close();
  });

  it('when an unexpected error is thrown, then the caller sees a generic 500 and the error is logged', async () => {
    const app = express();
    app.get('/x', () => {
      throw new Error('internal detail that must not leak');
    });
    const logged: unknown[] = [];
    app.use(problemMiddleware((e) => logged.push(e)));
    const s = await serve(app);
    const res = await fetch(`${s.url}/x`);
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain('internal detail');
    expect(logged).toHaveLength(1);
    await s.close();
  });

  it('when the caller hangs up before the answer, then the abandoned request is not logged as an error', async () => {
    const app = express();
    let failed!: () => void;
    let arrived!: () => void;
    const handlerDone = new Promise<void>((r) => (failed = r));
    const requestArrived = new Promise<void>((r) => (arrived = r));
    app.get('/slow', (req, _res, next) => {
      arrived();
      req.socket.once('close', () => {
        next(new Error('cancelled'));
        failed();
      });
    });
    const logged: unknown[] = [];
    app.use(problemMiddleware((e) => logged.push(e)));
    const s = await serve(app);
    const controller = new AbortController();
    const pending = fetch(`${s.url}/slow`, { signal: controller.signal }).catch(() => 'aborted');
    await requestArrived;
    controller.abort();
    expect(await pending).toBe('aborted');
    await handlerDone;
    expect(logged).toEqual([]);
    await s.close();
  });
});
