import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClearmlClient } from './createClearmlClient.js';

// A stand-in for ClearML that, when told to, resets every kept-alive connection on its next
// request: what a client meets when the server closed idle connections under its pooled sockets.
let resetReused = false;
const perSocket = new WeakMap<Socket, number>();
let connections = 0;
let answered = 0;
let server: http.Server;
let url: string;

const envelope = (data: unknown) =>
  JSON.stringify({ meta: { result_code: 200, result_subcode: 0, result_msg: 'OK' }, data });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    if (resetReused && n > 1) {
      req.socket.resetAndDestroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      answered++;
      const data = req.url === '/auth.login' ? { token: 'fake.token.value' } : { tasks: [] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(envelope(data));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  resetReused = false;
  connections = 0;
  answered = 0;
});

const client = () =>
  createClearmlClient({
    apiHost: url,
    accessKey: 'FAKE_ACCESS_KEY',
    secretKey: 'fake-secret-key',
    timeoutMs: 2000,
    // No retries by the client: what is shown here is the transport's own second try.
    readRetryBudgetMs: 0,
    log: () => {},
    now: Date.now,
  });

const read = (c: ReturnType<typeof client>) =>
  c.call('tasks.get_all_ex', { page: 0, page_size: 1 }, { kind: 'read' });

describe('pooled connections the server has closed', () => {
  it('when a kept-alive connection is reset on reuse, then the read goes again on a new connection', async () => {
    const c = client();
    await read(c);
    const before = connections;
    resetReused = true;
    await expect(read(c)).resolves.toEqual({ tasks: [] });
    expect(connections).toBe(before + 1);
    c.close();
  });

  it('when many pooled connections are dead at once, then every read succeeds and the circuit stays closed', async () => {
    const c = client();
    await Promise.all(Array.from({ length: 6 }, () => read(c)));
    resetReused = true;
    answered = 0;
    const results = await Promise.all(Array.from({ length: 6 }, () => read(c)));
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ tasks: [] })));
    expect(answered).toBe(6);
    expect(c.circuit.state).toBe('closed');
    c.close();
  });
});
