// The unhappy upstream, through the real proxy: ClearML down → 503, slow → 504, failing → 502,
// the proxy's key rejected → 502 clearml-credentials-invalid, an expiring token invisible to
// callers, and /health that notices within 3 s and recovers without a restart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeaks } from './helpers/expectNoLeaks.js';
import { pollUntil } from './helpers/pollUntil.js';
import { startStack, type Stack } from './helpers/startStack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: { CACHE_TTL_MS: '0' },
    service: { timeoutMs: 600, readRetryBudgetMs: 800 },
  });
});
afterEach(async () => {
  stack.emulator.clearFaults();
  // Let the proxy notice ClearML is back (its circuit may be open) before the next test.
  await pollUntil(async () => (await stack.call('/projects?page_size=1')).status === 200);
});
afterAll(async () => {
  if (!stack) return;
  await stack.stop();
  expectNoLeaks(stack);
});

const problemType = (slug: string) => `urn:cvat-clearml:problem:${slug}`;

describe('ClearML faults', () => {
  it('when the token expires mid-run, then callers see no error and exactly one new login', async () => {
    expect((await stack.call('/projects')).status).toBe(200);
    stack.emulator.resetCalls();
    stack.emulator.expireAllTokens();
    const paths = [
      '/projects',
      '/models',
      '/projects/cats/tasks',
      '/projects/a.b/tasks',
      '/models/frameworks',
    ];
    const answers = await Promise.all(paths.map((p) => stack.call(p)));
    expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200));
    expect(stack.emulator.calls()['auth.login']).toBe(1);
  });

  it('when ClearML is unreachable, then 503 clearml-unavailable', async () => {
    stack.emulator.setFaults({ unreachable: true });
    const answer = await stack.op('listProjects', '/projects');
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ type: problemType('clearml-unavailable') });
  });

  it('when ClearML is slower than the timeout, then 504 clearml-timeout', async () => {
    stack.emulator.setFaults({ latencyMs: 2000 });
    const answer = await stack.op('listModels', '/models');
    expect(answer.status).toBe(504);
    expect(answer.body).toMatchObject({ type: problemType('clearml-timeout') });
  });

  it.each([500, 502])('when ClearML answers %i, then 502 clearml-error', async (failStatus) => {
    stack.emulator.setFaults({ failRate: 1, failStatus });
    const answer = await stack.op('listProjectTasks', '/projects/cats/tasks');
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ type: problemType('clearml-error') });
    // No upstream text (an HTML error page, a stack) reaches the caller.
    expect(answer.text).not.toMatch(/<html|Traceback|nginx/i);
  });

  it('/health answers 503 within 3 s while ClearML is down, and 200 again once it is back', async () => {
    stack.emulator.setFaults({ unreachable: true });
    let started = Date.now();
    const down = await stack.op('getHealth', '/health');
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(down.body).toMatchObject({ status: 'unavailable', clearml: null });

    stack.emulator.setFaults({ unreachable: false, latencyMs: 10_000 });
    started = Date.now();
    const slow = await stack.op('getHealth', '/health');
    expect(slow.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);

    stack.emulator.clearFaults();
    await pollUntil(async () => (await stack.op('getHealth', '/health')).status === 200);
  });
});

describe('ClearML rejects the proxy’s own key', () => {
  let wrong: Stack;
  beforeAll(async () => {
    wrong = await startStack({
      credentials: { accessKey: 'FAKE_WRONG_ACCESS_KEY', secretKey: 'fake-wrong-secret-key' },
    });
  });
  afterAll(async () => {
    if (!wrong) return;
    await wrong.stop();
    expectNoLeaks(wrong, { loggedIn: false });
  });

  it('then reads answer 502 clearml-credentials-invalid (not the caller’s fault)', async () => {
    const answer = await wrong.op('listProjects', '/projects');
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ type: problemType('clearml-credentials-invalid') });
  });

  it('then /health is 503 with a reason', async () => {
    const answer = await wrong.op('getHealth', '/health');
    expect(answer.status).toBe(503);
    expect((answer.body as { reason: string }).reason.length).toBeGreaterThan(0);
  });
});
