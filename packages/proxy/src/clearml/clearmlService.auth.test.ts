import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamCredentialsError } from '../errors/index.js';
import { ctxFor, rejection, startHarness, type Harness } from './testHarness.js';

let h: Harness;
let clockOffset = 0;
const now = () => Date.now() + clockOffset;
beforeAll(async () => {
  h = await startHarness({ cacheTtlMs: 0, now });
});
afterAll(() => h.stop());
beforeEach(() => {
  h.emulator.clearFaults();
  h.emulator.resetCalls();
});

const logins = () => h.emulator.calls()['auth.login'] ?? 0;

describe('ClearML token handling', () => {
  it('when many callers start at once, then they share one login', async () => {
    const service = h.newService({ cacheTtlMs: 0, now });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        service.listTasks('Big Project', { page: i + 1, page_size: 5 }, ctxFor()),
      ),
    );
    expect(results.every((r) => r.items.length === 5)).toBe(true);
    expect(logins()).toBe(1);
  });

  it('when the token expires mid-run, then no caller sees an error and exactly one new login happens', async () => {
    await h.service.listProjects({}, ctxFor()); // holds a token now
    h.emulator.resetCalls();
    h.emulator.expireAllTokens();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.service.listTasks('Big Project', { page: i + 1, page_size: 3 }, ctxFor()),
      ),
    );
    expect(results.every((r) => r.items.length === 3)).toBe(true);
    expect(logins()).toBe(1);
    // And the fresh token is reused afterwards.
    await h.service.listProjects({ page_size: 2 }, ctxFor());
    expect(logins()).toBe(1);
  });

  it('when a short-lived token nears its end, then it is refreshed before ClearML refuses it', async () => {
    h.emulator.setFaults({ tokenLifetimeSec: 60 });
    const service = h.newService({ cacheTtlMs: 0, now });
    await service.listProjects({ page_size: 1 }, ctxFor());
    expect(logins()).toBe(1);
    clockOffset += 56_000; // within the last 10% of its 60 s lifetime, still valid upstream
    const before = h.logs.length;
    await service.listProjects({ page_size: 1 }, ctxFor());
    expect(logins()).toBe(2);
    // No call was refused on the way: the refresh came first.
    expect(h.logs.slice(before).some((l) => l.status === 401)).toBe(false);
    clockOffset = 0;
  });

  it('never uses Basic auth except for auth.login', async () => {
    // Basic on an ordinary call would need no login at all; every call below needs the token.
    const service = h.newService({ cacheTtlMs: 0, now });
    await service.listProjects({ page_size: 1 }, ctxFor());
    await service.getProject('cats', ctxFor());
    expect(logins()).toBe(1);
  });
});

describe('wrong ClearML credentials', () => {
  it("when the proxy's key is wrong, then UpstreamCredentialsError without the secret", async () => {
    const service = h.newService({
      accessKey: 'FAKE_WRONG_ACCESS_KEY',
      secretKey: 'fake-wrong-secret-key',
    });
    const err = await rejection(service.listProjects({}, ctxFor()));
    expect(err).toBeInstanceOf(UpstreamCredentialsError);
    expect((err as UpstreamCredentialsError).status).toBe(502);
    expect(err.message).not.toContain('fake-wrong-secret-key');
    expect(err.message).not.toContain('FAKE_WRONG_ACCESS_KEY');
    const health = await service.health();
    expect(health.ok).toBe(false);
    expect(health.reason).toMatch(/credentials|key/);
  });
});

describe('secrets stay out of logs and errors', () => {
  it('no log line contains the access key, the secret or a token', async () => {
    await h.service.listProjects({}, ctxFor());
    h.emulator.expireAllTokens();
    await h.service.getProject('Vision', ctxFor());
    await rejection(h.service.getProject('no such project', ctxFor()));
    const text = JSON.stringify(h.logs);
    expect(h.logs.length).toBeGreaterThan(3);
    expect(text).not.toContain(h.emulator.credentials.secretKey);
    expect(text).not.toContain(h.emulator.credentials.accessKey);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/); // a JWT
    expect(text).not.toContain('Bearer');
    expect(text).not.toContain(h.emulator.url);
    for (const line of h.logs) {
      expect(Object.keys(line).sort()).toEqual(
        expect.arrayContaining(['clearml_call', 'ms', 'status', 'trx']),
      );
    }
  });

  it('sends the request id as X-ClearML-Trx (request-id-n) and logs it', async () => {
    const before = h.logs.length;
    await h.service.listTasks('cats', {}, ctxFor(['*'], 'req-abc'));
    const trxs = h.logs.slice(before).map((l) => String(l.trx));
    expect(trxs.length).toBeGreaterThan(0);
    expect(trxs.every((t) => /^req-abc-\d+r?$/.test(t))).toBe(true);
  });
});
