import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzCase, createPrng, type FuzzCase } from './createFuzzCases.js';
import { fakeCvatCredentials, sessionCookie } from './fakeUsers.js';
import { rawRequest, type RawAnswer } from './rawRequest.js';
import { startFakeCvat, type FakeCvat } from './startFakeCvat.js';
import { startRealProxy, type RealProxy } from './startRealProxy.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const COUNT = 2400;
const BUDGET_MS = 90_000;
const CONCURRENCY = 6;

let cvat: FakeCvat;
let proxy: RealProxy;

beforeAll(async () => {
  cvat = await startFakeCvat(fakeCvatCredentials);
  proxy = await startRealProxy({
    AUTH_MODE: 'cvat',
    CVAT_URL: cvat.url,
    CORS_ORIGINS: 'https://cvat.example.com',
    RATE_LIMIT_PER_MINUTE: '0', // every request should reach as deep as it can
  });
  // Another user is logged in and known to the proxy: nothing of theirs may leak to alice.
  const root = await fetch(`${proxy.url}/session`, { headers: { cookie: sessionCookie('root') } });
  expect(root.status).toBe(200);
});
afterAll(async () => {
  await proxy?.stop();
  await cvat?.stop();
});

const describeCase = (c: FuzzCase) =>
  `${c.method} ${c.path.slice(0, 160)} ${JSON.stringify(c.headers).slice(0, 300)} body=${c.body?.length ?? 0}B`;

// Raw bytes above 0x7F in the request line never reach the app: Node's HTTP parser answers
// 400 itself (no body, connection closed). Only those requests may get a bare 400.
const rejectedByNodeParser = (c: FuzzCase, answer: RawAnswer) =>
  /[^\x20-\x7e]/.test(c.path) &&
  answer.status === 400 &&
  answer.body === '' &&
  answer.headers['content-type'] === undefined;

function problemsWith(c: FuzzCase, answer: RawAnswer, secrets: string[]): string[] {
  const found: string[] = [];
  if (rejectedByNodeParser(c, answer)) return found;
  // No upstream fault is injected: any 5xx is the proxy's own failure.
  if (answer.status >= 500) found.push(`status ${answer.status}`);
  if (answer.status >= 400 && c.method !== 'HEAD') {
    const type = String(answer.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json')) found.push(`error as ${type || 'no type'}`);
    else {
      try {
        const body = JSON.parse(answer.body) as {
          status?: unknown;
          type?: unknown;
          title?: unknown;
        };
        if (
          body.status !== answer.status ||
          typeof body.type !== 'string' ||
          typeof body.title !== 'string'
        ) {
          found.push('problem body does not match');
        }
      } catch {
        found.push('problem body is not JSON');
      }
    }
    if (/\bat .+\.(ts|js):\d+/.test(answer.body)) found.push('stack trace');
  }
  const everything = `${answer.body}\n${JSON.stringify(answer.headers)}`;
  for (const secret of secrets)
    if (everything.includes(secret)) found.push(`secret ${secret.slice(0, 6)}…`);
  return found;
}

describe('fuzz: random and malformed requests against the real app', () => {
  it(
    `${COUNT} requests (seed ${SEED}): no 5xx, only problem+json errors, no secret, no crash`,
    { timeout: BUDGET_MS + 30_000 },
    async () => {
      const r = createPrng(SEED);
      const auth: Record<string, string>[] = [
        { authorization: 'Token fake-cvat-token-alice' },
        { cookie: sessionCookie('alice'), 'x-csrftoken': 'fake-csrf-alice', origin: proxy.url },
        { cookie: sessionCookie('alice') },
      ];
      const cases = Array.from({ length: COUNT }, () => createFuzzCase(r, auth));
      const deadline = Date.now() + BUDGET_MS;
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let sent = 0;
      const secrets = () => [...proxy.secrets(), 'fake-session-root', 'fake-csrf-root'];

      const worker = async () => {
        for (;;) {
          const c = cases[sent];
          if (c === undefined || Date.now() > deadline) return;
          sent += 1;
          let answer: RawAnswer;
          try {
            answer = await rawRequest(proxy.url, c, 15_000);
          } catch (err) {
            failures.push(`${describeCase(c)} → no answer: ${String(err)}`);
            continue;
          }
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const found = problemsWith(c, answer, secrets());
          if (found.length > 0)
            failures.push(`${describeCase(c)} → ${answer.status}: ${found.join(', ')}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));

      console.log(`fuzz seed ${SEED}: ${sent} requests`, Object.fromEntries([...statuses].sort()));
      expect(failures.slice(0, 25)).toEqual([]);
      expect(sent).toBe(COUNT);
      // The inputs reached the routes, not just the login check.
      expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(COUNT / 10);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 10);

      // Still alive and still right.
      const health = await fetch(`${proxy.url}/health`);
      expect(health.status).toBe(200);
      const projects = await fetch(`${proxy.url}/projects?search=cats`, {
        headers: { authorization: 'Token fake-cvat-token-alice' },
      });
      expect(projects.status).toBe(200);
      expect({} as Record<string, unknown>).not.toHaveProperty('polluted');
      // ClearML's keys and at least one token it issued were looked for.
      expect(proxy.secrets().length).toBeGreaterThan(2);
      const logText = proxy.lines.join('\n');
      for (const secret of [...secrets(), 'fake-cvat-token-alice', 'fake-session-alice']) {
        expect(logText.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
      }
    },
  );
});
