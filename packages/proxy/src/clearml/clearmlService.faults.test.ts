import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServiceUnavailableError, UpstreamError, UpstreamTimeoutError } from '../errors/index.js';
import { ctxFor, rejection, startHarness, type Harness } from './testHarness.js';

let h: Harness;
let clockOffset = 0;
const now = () => Date.now() + clockOffset;
beforeAll(async () => {
  h = await startHarness({ cacheTtlMs: 0, now, timeoutMs: 1500 });
});
afterAll(() => h.stop());
beforeEach(() => {
  h.emulator.clearFaults();
  h.emulator.resetCalls();
});

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const value = await run();
  return [value, Date.now() - started];
}

describe('ClearML down, slow or failing', () => {
  it('when ClearML is unreachable, then ServiceUnavailableError fast, and recovery without restart', async () => {
    await h.service.listProjects({ page_size: 1 }, ctxFor()); // logged in, sockets open
    h.emulator.setFaults({ unreachable: true });
    const [first, firstMs] = await timed(() =>
      rejection(h.service.listProjects({ page_size: 1 }, ctxFor())),
    );
    expect(first).toBeInstanceOf(ServiceUnavailableError);
    expect(firstMs).toBeLessThan(1500);
    // The circuit is open now: later callers do not even wait for a connection.
    const [second, secondMs] = await timed(() => rejection(h.service.getProject('cats', ctxFor())));
    expect(second).toBeInstanceOf(ServiceUnavailableError);
    expect(secondMs).toBeLessThan(50);
    const down = await h.service.health();
    expect(down.ok).toBe(false);

    h.emulator.clearFaults();
    clockOffset += 1500; // past the circuit's open window: one probe goes through
    // While the probe is out its siblings still fail fast; once it succeeds, calls flow again.
    const back = await vi.waitFor(() => h.service.listProjects({ page_size: 1 }, ctxFor()), {
      timeout: 2000,
      interval: 20,
    });
    expect(back.items).toHaveLength(1);
    expect((await h.service.health()).ok).toBe(true);
  });

  it('when ClearML answers slower than the timeout, then UpstreamTimeoutError', async () => {
    h.emulator.setFaults({ latencyMs: 3000 });
    const [err, ms] = await timed(() => rejection(h.service.getProject('cats', ctxFor())));
    expect(err).toBeInstanceOf(UpstreamTimeoutError);
    expect(ms).toBeLessThan(2500);
    expect((err as UpstreamTimeoutError).trx).toMatch(/^req-test-\d+$/);
  });

  it('when ClearML keeps answering 503, then reads are retried and end in UpstreamError', async () => {
    h.emulator.setFaults({ failRate: 1, failStatus: 503, failEndpoints: ['tasks.get_all_ex'] });
    const service = h.newService({ cacheTtlMs: 0, readRetryBudgetMs: 600 });
    const err = await rejection(service.listTasks('cats', {}, ctxFor()));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err.message).toContain('503');
    expect(h.emulator.calls()['tasks.get_all_ex']).toBeGreaterThan(2);
  });

  it('when a reverse proxy answers an HTML 502, then UpstreamError (not a parse crash)', async () => {
    h.emulator.setFaults({ failRate: 1, failStatus: 502, failEndpoints: ['projects.get_all_ex'] });
    const service = h.newService({ cacheTtlMs: 0, readRetryBudgetMs: 600 });
    const err = await rejection(service.listProjects({}, ctxFor()));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err.message).toContain("not ClearML's JSON");
    expect(err.message).not.toContain('<');
  });

  it('when ClearML fails with a plain 500, then UpstreamError without retrying', async () => {
    h.emulator.setFaults({ failRate: 1, failStatus: 500, failEndpoints: ['projects.get_all_ex'] });
    const service = h.newService({ cacheTtlMs: 0 });
    // The project name lookup is a single call: it fails once and is not repeated.
    const err = await rejection(service.listTasks('cats', {}, ctxFor()));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err.message).toContain('500');
    expect(h.emulator.calls()['projects.get_all_ex']).toBe(1);
  });

  it('when 30% of reads fail with 503, then every read still succeeds within its budget', async () => {
    h.emulator.setFaults({
      failRate: 0.3,
      failStatus: 503,
      failEndpoints: ['tasks.get_all_ex', 'projects.get_all_ex', 'models.get_all_ex'],
    });
    for (let i = 0; i < 40; i++) {
      const [res, ms] = await timed<{ items: unknown[] }>(() =>
        i % 2 === 0
          ? h.service.listTasks('Big Project', { page: i + 1, page_size: 10 }, ctxFor())
          : h.service.listModels({ page: 1, page_size: 5 }, ctxFor()),
      );
      expect(res.items.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(4000 + 1500);
    }
    expect(h.logs.some((l) => l.status === 503)).toBe(true); // faults really happened
  });
});

describe('health', () => {
  it('when ClearML is fine, then ok with its versions and the round trip', async () => {
    const health = await h.service.health();
    expect(health).toMatchObject({ ok: true });
    expect(health.clearml?.server_version).toMatch(/^\d+\.\d+/);
    expect(health.clearml?.api_version).toMatch(/^\d+\.\d+/);
    expect(health.clearml?.round_trip_ms).toBeGreaterThanOrEqual(0);
  });

  it('when ClearML is slow, then not ok within 3 s, saying why', async () => {
    h.emulator.setFaults({ latencyMs: 5000 });
    const [health, ms] = await timed(() => h.service.health());
    expect(health.ok).toBe(false);
    expect(health.reason).toContain('2500 ms');
    expect(ms).toBeLessThan(3000);
  });
});
