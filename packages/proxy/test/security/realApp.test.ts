import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/auth/createSecurityHeaders.js';
import { fakeCvatCredentials, sessionCookie } from './fakeUsers.js';
import { startFakeCvat, type FakeCvat } from './startFakeCvat.js';
import { startRealProxy, type RealProxy } from './startRealProxy.js';

// The guards as the real app mounts them (createApp), in front of the real service.
let cvat: FakeCvat;
let proxy: RealProxy;
const ORIGIN = 'https://cvat.example.com';

beforeAll(async () => {
  cvat = await startFakeCvat(fakeCvatCredentials);
  proxy = await startRealProxy({
    AUTH_MODE: 'cvat',
    CVAT_URL: cvat.url,
    CORS_ORIGINS: ORIGIN,
    RATE_LIMIT_PER_MINUTE: '60',
    RATE_LIMIT_BURST: '40',
  });
});
afterAll(async () => {
  await proxy.stop();
  await cvat.stop();
});

const alice = { cookie: sessionCookie('alice'), 'x-csrftoken': 'fake-csrf-alice' };
const create = (headers: Record<string, string>, body: string) =>
  fetch(`${proxy.url}/projects/cats/tasks/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('the real app', () => {
  it('public pages carry the security headers and no login is needed for them', async () => {
    for (const path of ['/', '/health', '/openapi.json', '/docs']) {
      const res = await fetch(`${proxy.url}${path}`);
      expect(res.status, path).toBeLessThan(300);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
      await res.arrayBuffer();
    }
  });

  it('API routes need a CVAT login; /session shows what the caller may do', async () => {
    const anonymous = await fetch(`${proxy.url}/projects`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const wendy = await fetch(`${proxy.url}/session`, {
      headers: { cookie: sessionCookie('wendy') },
    });
    expect(wendy.status).toBe(200);
    expect(await wendy.json()).toMatchObject({ user: { username: 'wendy' }, can_create: false });
  });

  it('a cookie create needs the CSRF header and a trusted origin, then is audited', async () => {
    const body = JSON.stringify({ name: 'fake csrf check' });
    expect((await create({ cookie: sessionCookie('alice'), origin: proxy.url }, body)).status).toBe(
      403,
    );
    expect((await create({ ...alice, origin: 'https://evil.example' }, body)).status).toBe(403);
    const ok = await create({ ...alice, origin: ORIGIN }, body);
    expect(ok.status).toBe(201);
    const task = (await ok.json()) as { id: string };
    const audit = proxy.lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'audit');
    expect(audit).toContainEqual(
      expect.objectContaining({ user_id: 1, user: 'alice', project: 'cats', task_id: task.id }),
    );
  });

  it('a worker is refused a create even with perfect CSRF proof', async () => {
    const res = await create(
      { cookie: sessionCookie('wendy'), 'x-csrftoken': 'fake-csrf-wendy', origin: proxy.url },
      JSON.stringify({ name: 'fake worker task' }),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { type: string }).type).toBe(
      'urn:cvat-clearml:problem:forbidden',
    );
  });

  it('a body over 64 KiB is 413 problem+json; just under is judged on its content', async () => {
    const big = JSON.stringify({ name: 'fake', comment: 'x'.repeat(64 * 1024) });
    const tooLarge = await create({ authorization: 'Token fake-cvat-token-alice' }, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const under = JSON.stringify({ name: 'fake', comment: 'x'.repeat(60 * 1024) });
    const invalid = await create({ authorization: 'Token fake-cvat-token-alice' }, under);
    expect(invalid.status).toBe(400); // comment is longer than the contract allows
  });

  it('a listed origin gets CORS through the app, including on errors and preflights', async () => {
    const res = await fetch(`${proxy.url}/projects`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const preflight = await fetch(`${proxy.url}/projects/cats/tasks/create`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
  });

  it('a caller over the limit gets 429 with Retry-After; another caller does not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45 && !statuses.includes(429); i += 1) {
      const res = await fetch(`${proxy.url}/session`, {
        headers: { cookie: sessionCookie('sam') },
      });
      statuses.push(res.status);
      if (res.status === 429)
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await res.arrayBuffer();
    }
    expect(statuses).toContain(429);
    expect(
      (await fetch(`${proxy.url}/session`, { headers: { cookie: sessionCookie('root') } })).status,
    ).toBe(200);
  });
});
