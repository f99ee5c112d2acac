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
});
