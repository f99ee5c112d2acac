import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClearmlCallFailure } from './ClearmlCallFailure.js';
import { createClearmlClient } from './createClearmlClient.js';

// A tiny stand-in for ClearML whose answers each test chooses, to check the client's reading
// of odd answers and the headers it sends.
type Answer = { status: number; body: string; type?: string };
let answer: (endpoint: string) => Answer;
const seen: { endpoint: string; authorization: string | undefined; trx: string | undefined }[] = [];
let server: http.Server;
let url: string;

const envelope = (code: number, data: unknown, subcode = 0) =>
  JSON.stringify({ meta: { result_code: code, result_subcode: subcode, result_msg: 'x' }, data });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const endpoint = (req.url ?? '').slice(1);
    seen.push({
      endpoint,
      authorization: req.headers.authorization,
      trx: req.headers['x-clearml-trx'] as string | undefined,
    });
    req.resume();
    req.on('end', () => {
      const a =
        endpoint === 'auth.login'
          ? { status: 200, body: envelope(200, { token: 'fake.token.value' }) }
          : answer(endpoint);
      res.writeHead(a.status, { 'content-type': a.type ?? 'application/json' });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

const client = (apiHost = url) =>
  createClearmlClient({
    apiHost,
    accessKey: 'FAKE_ACCESS_KEY',
    secretKey: 'fake-secret-key',
    timeoutMs: 2000,
    readRetryBudgetMs: 0,
    log: () => {},
    now: Date.now,
  });

async function failure(p: Promise<unknown>): Promise<ClearmlCallFailure> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ClearmlCallFailure);
    return err as ClearmlCallFailure;
  }
  throw new Error('expected a failure');
}

describe('reading ClearML answers', () => {
  it('answers the envelope data on success', async () => {
    answer = () => ({ status: 200, body: envelope(200, { msg: 'ClearML server' }) });
    const c = client();
    await expect(c.call('debug.ping', {}, { kind: 'read', anonymous: true })).resolves.toEqual({
      msg: 'ClearML server',
    });
    c.close();
  });

  it.each([
    [
      'a plain-text 500',
      { status: 500, body: 'Failed processing request', type: 'text/plain' },
      500,
    ],
    [
      'an HTML 502 page',
      { status: 502, body: '<html><body>Bad Gateway</body></html>', type: 'text/html' },
      502,
    ],
    ['an empty 200', { status: 200, body: '' }, 200],
    ['JSON that is not an envelope', { status: 200, body: '[1,2,3]' }, 200],
  ])('classifies %s as a bad answer, not a crash', async (_name, a, status) => {
    answer = () => a;
    const c = client();
    const f = await failure(c.call('tasks.get_all_ex', {}, { kind: 'read' }));
    expect(f.kind).toBe('bad-answer');
    expect(f.status).toBe(status);
    c.close();
  });

  it('reads ClearML\'s "not found" (400/101) from the envelope', async () => {
    answer = () => ({ status: 400, body: envelope(400, {}, 101) });
    const c = client();
    const f = await failure(c.call('tasks.get_by_id', { task: 'x' }, { kind: 'read' }));
    expect(f).toMatchObject({ kind: 'api', status: 400, subcode: 101, notFound: true });
    c.close();
  });

  it('classifies a refused connection as unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const c = client(`http://127.0.0.1:${port}`);
    const f = await failure(c.call('debug.ping', {}, { kind: 'read', anonymous: true }));
    expect(f.kind).toBe('unreachable');
    c.close();
  });
});

describe('what the client sends', () => {
  it('uses Basic only for auth.login, the Bearer token otherwise, and a trx per call', async () => {
    answer = () => ({ status: 200, body: envelope(200, { projects: [] }) });
    const c = client();
    await c.call('projects.get_all_ex', {}, { kind: 'read', requestId: 'rid' });
    await c.call('projects.get_all_ex', {}, { kind: 'read', requestId: 'rid' });
    expect(seen.map((s) => s.endpoint)).toEqual([
      'auth.login',
      'projects.get_all_ex',
      'projects.get_all_ex',
    ]);
    expect(seen[0]!.authorization).toMatch(/^Basic /);
    expect(seen.slice(1).every((s) => s.authorization === 'Bearer fake.token.value')).toBe(true);
    expect(seen.slice(1).map((s) => s.trx)).toEqual(['rid-1', 'rid-2']);
    c.close();
  });
});
