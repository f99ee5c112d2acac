import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSecured, type Started } from './buildSecurityApp.js';
import { basicAuth, fakeCvatCredentials, sessionCookie } from './fakeUsers.js';
import { refusedUrl, startFakeCvat, type FakeCvat } from './startFakeCvat.js';

let cvat: FakeCvat;
const running: Started[] = [];

beforeAll(async () => {
  cvat = await startFakeCvat(fakeCvatCredentials);
});
afterAll(() => cvat.stop());
afterEach(async () => {
  cvat.setMode('up');
  cvat.setLatency(0);
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function proxy(env: Record<string, string> = {}, now?: () => number) {
  const started = await startSecured(
    { AUTH_MODE: 'cvat', CVAT_URL: cvat.url, ...env },
    now ? { now } : {},
  );
  running.push(started);
  return started;
}

const get = (p: Started, headers: Record<string, string> = {}) =>
  fetch(`${p.url}/whoami`, { headers });

async function expectProblem(res: Response, status: number, slug: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { type: string; status: number; detail: string };
  expect(body.type).toBe(`urn:cvat-clearml:problem:${slug}`);
  expect(body.status).toBe(status);
  return body;
}

describe('AUTH_MODE=cvat: who the caller is comes from CVAT', () => {
  it('when no credentials are sent, then 401 without asking CVAT', async () => {
    const p = await proxy();
    const before = cvat.count();
    await expectProblem(await get(p), 401, 'unauthenticated');
    await expectProblem(await get(p, { cookie: 'other=fake-unrelated' }), 401, 'unauthenticated');
    expect(cvat.count()).toBe(before);
  });

  it('when the session cookie is good, then the caller is the CVAT user and only CVAT cookies are forwarded', async () => {
    const p = await proxy();
    const res = await get(p, { cookie: `tracker=fake-third-party; ${sessionCookie('alice')}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      caller: {
        id: 1,
        username: 'alice',
        groups: ['user'],
        isSuperuser: false,
        via: 'cvat-session',
      },
      can_create: true,
    });
    const seen = cvat.requests().at(-1);
    expect(seen?.path).toBe('/api/users/self');
    expect(seen?.cookie).toBe('sessionid=fake-session-alice; csrftoken=fake-csrf-alice');
    expect(seen?.authorization).toBeUndefined();
  });

  it.each([
    ['Token', 'Token fake-cvat-token-alice'],
    ['Bearer', 'Bearer fake-cvat-token-alice'],
    ['Basic', basicAuth('alice:fake-password')],
  ])('when %s credentials are good, then the caller is the CVAT user', async (_scheme, header) => {
    const p = await proxy();
    const res = await get(p, { authorization: header, cookie: 'tracker=fake-third-party' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { caller: { id: number; via: string } };
    expect(body.caller).toMatchObject({ id: 1, username: 'alice', via: 'cvat-token' });
    const seen = cvat.requests().at(-1);
    expect(seen?.authorization).toBe(header);
    expect(seen?.cookie).toBeUndefined();
  });

  it.each([
    ['a session CVAT does not know', { cookie: 'sessionid=fake-session-nobody' }],
    ['a wrong token', { authorization: 'Token fake-cvat-token-wrong' }],
    ['a wrong password', { authorization: basicAuth('alice:fake-wrong-password') }],
    ['an inactive account', { cookie: sessionCookie('idle') }],
  ])('when the caller sends %s, then 401', async (_what, headers) => {
    const p = await proxy();
    const before = cvat.count();
    const body = await expectProblem(await get(p, headers), 401, 'unauthenticated');
    expect(cvat.count()).toBe(before + 1);
    expect(JSON.stringify(body)).not.toMatch(/fake-(session|cvat-token|wrong)/);
  });

  it.each([
    ['an unsupported scheme', { authorization: 'Digest username="fake"' }],
    ['a scheme without a value', { authorization: 'Token' }],
    ['a cookie with characters no session has', { cookie: 'sessionid=fake"session' }],
  ])('when the caller sends %s, then 401 without asking CVAT', async (_what, headers) => {
    const p = await proxy();
    const before = cvat.count();
    await expectProblem(await get(p, headers), 401, 'unauthenticated');
    expect(cvat.count()).toBe(before);
  });

  it('when CVAT logs a session out, then the caller gets 401 once the cached answer expires', async () => {
    let clock = 1_000_000;
    const p = await proxy({}, () => clock);
    const cookie = 'sessionid=fake-session-root; csrftoken=fake-csrf';
    expect((await get(p, { cookie })).status).toBe(200);
    cvat.expireSession('fake-session-root');
    expect((await get(p, { cookie })).status).toBe(200); // still within CVAT_AUTH_CACHE_SECONDS
    clock += 61_000;
    await expectProblem(await get(p, { cookie }), 401, 'unauthenticated');
  });

  it('when the same credentials come again within the cache time, then CVAT is asked once', async () => {
    const p = await proxy();
    const before = cvat.count();
    for (let i = 0; i < 5; i += 1) {
      expect((await get(p, { authorization: 'Token fake-cvat-token-wendy' })).status).toBe(200);
    }
    expect(cvat.count()).toBe(before + 1);
    expect((await get(p, { authorization: 'Bearer fake-cvat-token-wendy' })).status).toBe(200);
    expect(cvat.count()).toBe(before + 2); // another credential, another check
  });

  it('when CVAT_AUTH_CACHE_SECONDS=0, then every request is checked with CVAT', async () => {
    const p = await proxy({ CVAT_AUTH_CACHE_SECONDS: '0' });
    const before = cvat.count();
    for (let i = 0; i < 3; i += 1) {
      expect((await get(p, { cookie: sessionCookie('alice') })).status).toBe(200);
    }
    expect(cvat.count()).toBe(before + 3);
  });

  it('when many identical checks arrive at once, then CVAT is asked once', async () => {
    const p = await proxy();
    cvat.setLatency(150);
    const before = cvat.count();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => get(p, { cookie: sessionCookie('sam') })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(cvat.count()).toBe(before + 1);
  });

  it('when credentials are refused, then the refusal is not cached', async () => {
    const p = await proxy();
    const before = cvat.count();
    for (let i = 0; i < 3; i += 1) {
      expect((await get(p, { cookie: 'sessionid=fake-session-nobody' })).status).toBe(401);
    }
    expect(cvat.count()).toBe(before + 3);
  });

  describe('when CVAT cannot answer, then 503 cvat-unavailable, never 401 and never a pass', () => {
    it.each(['error', 'reset'] as const)('CVAT mode %s', async (mode) => {
      const p = await proxy();
      cvat.setMode(mode);
      await expectProblem(
        await get(p, { cookie: sessionCookie('alice') }),
        503,
        'cvat-unavailable',
      );
      expect(p.logs.some((l) => l.msg === 'CVAT user check failed')).toBe(true);
      cvat.setMode('up');
      expect((await get(p, { cookie: sessionCookie('alice') })).status).toBe(200);
    });

    it('CVAT does not answer within CVAT_AUTH_TIMEOUT_MS', async () => {
      const p = await proxy({ CVAT_AUTH_TIMEOUT_MS: '300' });
      cvat.setMode('slow');
      const started = Date.now();
      await expectProblem(
        await get(p, { cookie: sessionCookie('alice') }),
        503,
        'cvat-unavailable',
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(p.logs).toContainEqual(expect.objectContaining({ reason: 'timeout' }));
    });

    it('nothing listens at CVAT_URL', async () => {
      const p = await proxy({ CVAT_URL: await refusedUrl() });
      await expectProblem(
        await get(p, { cookie: sessionCookie('alice') }),
        503,
        'cvat-unavailable',
      );
      await expectProblem(
        await get(p, { authorization: 'Token fake-cvat-token-alice' }),
        503,
        'cvat-unavailable',
      );
    });
  });

  it('when one address keeps failing to log in, then 429 and the guesses stop reaching CVAT', async () => {
    const p = await proxy({ RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '3' });
    const before = cvat.count();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await get(p, { cookie: `sessionid=fake-guess-${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    expect(cvat.count()).toBe(before + 3);
  });

  it('when an address is throttled for failed logins, then a session CVAT already confirmed still works', async () => {
    const p = await proxy({ RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '3' });
    expect((await get(p, { cookie: sessionCookie('alice') })).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await get(p, { cookie: `sessionid=fake-guess-${i}` });
    expect((await get(p, { cookie: 'sessionid=fake-guess-9' })).status).toBe(429);
    expect((await get(p, { cookie: sessionCookie('alice') })).status).toBe(200);
  });

  it('the credentials never appear in a log line', async () => {
    const p = await proxy();
    await get(p, { cookie: sessionCookie('alice') });
    await get(p, { authorization: 'Token fake-cvat-token-wrong' });
    cvat.setMode('error');
    await get(p, { authorization: basicAuth('alice:fake-password') });
    expect(JSON.stringify(p.logs)).not.toMatch(/fake-session|fake-cvat-token|fake-csrf|YWxpY2U6/);
  });
});
