// Graceful shutdown: the request in flight finishes, a request arriving meanwhile gets 503
// `shutting-down` with Connection: close, new connections are refused, then it is closed.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from './helpers/pollUntil.js';
import { startStack, type Stack } from './helpers/startStack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { CACHE_TTL_MS: '0' }, service: { timeoutMs: 5000 } });
});
afterAll(async () => {
  await stack?.stop();
});

const request = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;

describe('graceful shutdown', () => {
  it('lets the request in flight finish and answers a later one with 503 shutting-down', async () => {
    // Warm up (login) first, so the slow request is slow only because of the latency below.
    expect((await stack.call('/models?page_size=1')).status).toBe(200);
    stack.emulator.setFaults({ latencyMs: 700 });
    const port = Number(new URL(stack.url).port);
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(request('/models?page_size=1'));
    await pollUntil(async () => stack.lifecycle.inFlight() === 1);

    const done = stack.lifecycle.shutdown();
    // Same connection, while the first answer is still being prepared.
    socket.write(request('/projects'));
    await closed;

    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200 /);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
    expect(answers[1]).toMatch(/\r\nConnection: close\r\n/i);
    expect(answers[1]).toContain('urn:cvat-clearml:problem:shutting-down');
    expect(await done).toEqual({ drained: true });

    const refused = await new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => resolve('connected'));
      s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('when a request outlasts the bound, then its connection is cut and shutdown still ends', async () => {
    const bounded = await startStack({
      env: { CACHE_TTL_MS: '0' },
      service: { timeoutMs: 20_000 },
      shutdownTimeoutMs: 300,
    });
    try {
      expect((await bounded.call('/models?page_size=1')).status).toBe(200);
      bounded.emulator.setFaults({ latencyMs: 15_000 });
      const slow = fetch(`${bounded.url}/models?page_size=2`).then(
        (r) => `status ${r.status}`,
        () => 'cut',
      );
      await pollUntil(async () => bounded.lifecycle.inFlight() === 1);
      const started = Date.now();
      expect(await bounded.lifecycle.shutdown()).toEqual({ drained: false });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await slow).toBe('cut');
    } finally {
      bounded.emulator.clearFaults();
      await bounded.stop();
    }
  });
});
