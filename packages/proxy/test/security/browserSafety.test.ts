import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/auth/createSecurityHeaders.js';
import { startSecured, type Started } from './buildSecurityApp.js';
import { basicAuth, fakeCvatCredentials, sessionCookie } from './fakeUsers.js';
import { rawRequest } from './rawRequest.js';
import { startFakeCvat, type FakeCvat } from './startFakeCvat.js';

let cvat: FakeCvat;
const running: Started[] = [];
beforeAll(async () => {
  cvat = await startFakeCvat(fakeCvatCredentials);
});
afterAll(() => cvat.stop());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const LISTED = 'https://cvat.example.com';
async function proxy(env: Record<string, string> = {}, demo = false) {
  const base = demo ? {} : { AUTH_MODE: 'cvat', CVAT_URL: cvat.url };
  const started = await startSecured({ ...base, CORS_ORIGINS: LISTED, ...env }, { demo });
  running.push(started);
  return started;
}

const post = (p: Started, headers: Record<string, string>) =>
  fetch(`${p.url}/projects/Vision/tasks/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"name":"fake"}',
  });
const slug = async (res: Response) =>
  ((await res.json()) as { type: string }).type.split(':').pop();

describe('CSRF: a cookie caller must prove the write comes from a trusted page', () => {
  const cookie = sessionCookie('alice', 'fake-csrf-value-1');

  it.each([
    ['no X-CSRFToken', (url: string) => ({ cookie, origin: url })],
    [
      'a wrong X-CSRFToken',
      (url: string) => ({ cookie, origin: url, 'x-csrftoken': 'fake-csrf-value-2' }),
    ],
    [
      'an X-CSRFToken but no csrftoken cookie',
      (url: string) => ({ cookie: 'sessionid=fake-session-alice', origin: url, 'x-csrftoken': '' }),
    ],
    [
      'the right X-CSRFToken from another origin',
      () => ({ cookie, origin: 'https://evil.example', 'x-csrftoken': 'fake-csrf-value-1' }),
    ],
    [
      'the right X-CSRFToken from an opaque origin',
      () => ({ cookie, origin: 'null', 'x-csrftoken': 'fake-csrf-value-1' }),
    ],
    [
      "the right X-CSRFToken from the proxy's host name on another port",
      () => ({ cookie, origin: 'http://127.0.0.1:1', 'x-csrftoken': 'fake-csrf-value-1' }),
    ],
    [
      'the right X-CSRFToken with neither Origin nor Referer',
      () => ({ cookie, 'x-csrftoken': 'fake-csrf-value-1' }),
    ],
    [
      'the right X-CSRFToken with a Referer on another site',
      () => ({ cookie, referer: 'https://evil.example/page', 'x-csrftoken': 'fake-csrf-value-1' }),
    ],
  ])('when the write has %s, then 403 csrf-failed', async (_what, headers) => {
    const p = await proxy();
    const res = await post(p, headers(p.url));
    expect(res.status).toBe(403);
    expect(await slug(res)).toBe('csrf-failed');
  });

  it.each([
    ["the proxy's own origin", (url: string) => ({ origin: url })],
    ["a Referer on the proxy's own origin", (url: string) => ({ referer: `${url}/ui/projects` })],
    [
      "the proxy's host over https (TLS ended in front of the proxy)",
      (url: string) => ({ origin: url.replace('http:', 'https:') }),
    ],
    ['an origin in CORS_ORIGINS', () => ({ origin: LISTED })],
    ["CVAT's origin (CVAT_URL)", () => ({ origin: cvat.url })],
  ])('when the right X-CSRFToken comes with %s, then the write passes', async (_what, headers) => {
    const p = await proxy();
    const res = await post(p, { cookie, 'x-csrftoken': 'fake-csrf-value-1', ...headers(p.url) });
    expect(res.status).toBe(201);
  });

  it('when a token caller writes without CSRF token or Origin, then it passes (not forgeable by a page)', async () => {
    const p = await proxy();
    expect((await post(p, { authorization: 'Token fake-cvat-token-alice' })).status).toBe(201);
    const evil = await post(p, {
      authorization: 'Token fake-cvat-token-alice',
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(201);
  });

  it('when a Basic caller (a credential browsers replay) writes from another origin, then 403', async () => {
    const p = await proxy();
    const auth = basicAuth('alice:fake-password');
    expect((await post(p, { authorization: auth })).status).toBe(201);
    const res = await post(p, { authorization: auth, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('reads need no CSRF token', async () => {
    const p = await proxy();
    const res = await fetch(`${p.url}/whoami`, {
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS by allowlist', () => {
  it('when a listed origin calls, then its origin is echoed with credentials', async () => {
    const p = await proxy();
    const res = await fetch(`${p.url}/whoami`, {
      headers: { origin: LISTED, cookie: sessionCookie('alice') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it.each(['https://evil.example', 'https://cvat.example.com.evil.example', 'null'])(
    'when %s calls, then no CORS header is sent',
    async (origin) => {
      const p = await proxy();
      const res = await fetch(`${p.url}/whoami`, {
        headers: { origin, cookie: sessionCookie('alice') },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('vary')).toMatch(/Origin/);
    },
  );

  it('when no CORS_ORIGINS is set, then no origin gets CORS headers', async () => {
    const p = await proxy({ CORS_ORIGINS: '' });
    const res = await fetch(`${p.url}/`, { headers: { origin: LISTED } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when a listed origin sends a preflight, then 204 with the allowed methods and headers, no login needed', async () => {
    const p = await proxy();
    const res = await fetch(`${p.url}/projects/Vision/tasks/create`, {
      method: 'OPTIONS',
      headers: {
        origin: LISTED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key, x-csrftoken',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['idempotency-key', 'x-csrftoken', 'content-type', 'authorization']) {
      expect(allowed).toContain(h);
    }
  });

  it('when an unlisted origin sends a preflight, then 204 without any allowance', async () => {
    const p = await proxy();
    const res = await fetch(`${p.url}/whoami`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('security headers', () => {
  it('every answer carries them, errors included, and never X-Powered-By or HSTS over http', async () => {
    const p = await proxy();
    const answers = [
      await fetch(`${p.url}/`),
      await fetch(`${p.url}/whoami`),
      await fetch(`${p.url}/whoami`, { headers: { cookie: sessionCookie('alice') } }),
      await post(p, { cookie: sessionCookie('alice') }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 200, 403]);
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('HSTS is sent only when TRUST_PROXY is set and the proxy in front says https', async () => {
    const untrusting = await proxy();
    const forged = await fetch(`${untrusting.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers.get('strict-transport-security')).toBeNull();
    const trusting = await proxy({ TRUST_PROXY: '1' });
    const https = await fetch(`${trusting.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const http = await fetch(`${trusting.url}/`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(http.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('rate limit per caller', () => {
  const env = { RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '3' };

  it('when a caller goes over the limit, then 429 with Retry-After, and other callers are not affected', async () => {
    const p = await proxy(env);
    const as = (who: 'alice' | 'root') =>
      fetch(`${p.url}/whoami`, { headers: { cookie: sessionCookie(who) } });
    const alice = [];
    for (let i = 0; i < 4; i += 1) alice.push(await as('alice'));
    expect(alice.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const limited = alice[3]!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await slug(limited)).toBe('rate-limited');
    // the same person through another credential is the same caller
    expect(
      (
        await fetch(`${p.url}/whoami`, {
          headers: { authorization: 'Token fake-cvat-token-alice' },
        })
      ).status,
    ).toBe(429);
    expect((await as('root')).status).toBe(200);
  });

  it('when RATE_LIMIT_PER_MINUTE=0, then there is no limit', async () => {
    const p = await proxy({ RATE_LIMIT_PER_MINUTE: '0' });
    for (let i = 0; i < 30; i += 1) {
      expect(
        (await fetch(`${p.url}/whoami`, { headers: { cookie: sessionCookie('alice') } })).status,
      ).toBe(200);
    }
  });

  it('anonymous callers are told apart by address: X-Forwarded-For only with TRUST_PROXY', async () => {
    const from = (p: Started, ip: string) =>
      rawRequest(p.url, { path: '/whoami', headers: { 'x-forwarded-for': ip, host: 'localhost' } });
    const trusting = await proxy({ ...env, TRUST_PROXY: '1' }, true);
    for (let i = 0; i < 3; i += 1) expect((await from(trusting, '10.0.0.1')).status).toBe(200);
    expect((await from(trusting, '10.0.0.1')).status).toBe(429);
    expect((await from(trusting, '10.0.0.2')).status).toBe(200);

    const untrusting = await proxy(env, true);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await from(untrusting, `10.0.0.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]); // a forged header does not buy a fresh bucket
  });
});
