import { afterEach, describe, expect, it } from 'vitest';
import { startSecured, type Started } from './buildSecurityApp.js';
import { rawRequest } from './rawRequest.js';

const TOKENS = 'ci:fake-proxy-token-ci-0001,ops:fake-proxy-token-ops-0002';
const running: Started[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function proxy(env: Record<string, string>, demo = false) {
  const started = await startSecured(env, { demo });
  running.push(started);
  return started;
}

const whoami = (p: Started, headers: Record<string, string> = {}) =>
  fetch(`${p.url}/whoami`, { headers });

describe('AUTH_MODE=token', () => {
  const env = { AUTH_MODE: 'token', PROXY_API_TOKENS: TOKENS };

  it('when a listed bearer token is sent, then the caller is its label and may create', async () => {
    const p = await proxy(env);
    const res = await whoami(p, { authorization: 'Bearer fake-proxy-token-ops-0002' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      caller: { id: 'ops', username: 'ops', groups: [], isSuperuser: false, via: 'proxy-token' },
      can_create: true,
    });
    const created = await fetch(`${p.url}/projects/cats/tasks/create`, {
      method: 'POST',
      headers: {
        authorization: 'bearer fake-proxy-token-ci-0001',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(created.status).toBe(201); // scripts send no Origin and no CSRF token: not needed
    expect(p.logs).toContainEqual(
      expect.objectContaining({ msg: 'audit', user: 'ci', via: 'proxy-token' }),
    );
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer fake-proxy-token-ci-0009' }],
    ['a token in another scheme', { authorization: 'Token fake-proxy-token-ci-0001' }],
    ['a cookie only', { cookie: 'sessionid=fake-session-alice' }],
    ['a bearer with nothing after it', { authorization: 'Bearer ' }],
  ])('when the request has %s, then 401 with a Bearer challenge', async (_what, headers) => {
    const p = await proxy(env);
    const res = await whoami(p, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.text()).not.toContain('fake-proxy-token');
  });

  it('when READ_ONLY=true, then a token may read but not create', async () => {
    const p = await proxy({ ...env, READ_ONLY: 'true' });
    const headers = { authorization: 'Bearer fake-proxy-token-ci-0001' };
    expect(((await (await whoami(p, headers)).json()) as { can_create: boolean }).can_create).toBe(
      false,
    );
    const res = await fetch(`${p.url}/projects/cats/tasks/create`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('when one address keeps guessing tokens, then it is slowed down with 429', async () => {
    const p = await proxy({ ...env, RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '5' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push(
        (await whoami(p, { authorization: `Bearer fake-guess-${i}-0000000000` })).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});

describe('AUTH_MODE=none (demo, loopback only)', () => {
  it('when bound to loopback, then every caller is anonymous and may create', async () => {
    const p = await proxy({}, true);
    const res = await whoami(p);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      caller: { id: 'anonymous', via: 'none' },
      can_create: true,
    });
  });

  it('when a page on another origin posts, then 403 csrf-failed', async () => {
    const p = await proxy({}, true);
    const res = await fetch(`${p.url}/projects/cats/tasks/create`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { type: string }).type).toBe(
      'urn:cvat-clearml:problem:csrf-failed',
    );
  });

  it('when the Host is not a loopback name (DNS rebinding), then 403', async () => {
    const p = await proxy({}, true);
    const as = (host: string) => rawRequest(p.url, { path: '/whoami', headers: { host } });
    expect((await as('rebind.evil.example')).status).toBe(403);
    expect((await as(`rebind.evil.example:${new URL(p.url).port}`)).status).toBe(403);
    expect((await as(`localhost:${new URL(p.url).port}`)).status).toBe(200);
    expect((await as('[::1]')).status).toBe(200);
  });
});
