import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './startEmulator.js';
import { apiClient, type ApiClient } from './test/apiClient.js';
import type { RunningEmulator } from './types.js';

let emu: RunningEmulator;
let api: ApiClient;

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  api = apiClient(emu);
});
afterEach(() => emu.clearFaults());
afterAll(() => emu.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const control = async (path: string, method = 'GET', body?: unknown) => {
  const res = await fetch(`${emu.url}/_emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    json: (await res.json()) as Record<string, Json>,
  };
};

describe('faults', () => {
  it('latencyMs delays every answer', async () => {
    emu.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await api.call('debug.ping')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('failRate 1 limited by failEndpoints fails only those endpoints with failStatus', async () => {
    emu.setFaults({ failRate: 1, failStatus: 504, failEndpoints: ['tasks.get_all_ex'] });
    const failed = await api.authed('tasks.get_all_ex', {});
    expect(failed.status).toBe(504);
    expect(failed.json.meta).toMatchObject({
      result_code: 504,
      endpoint: { name: 'tasks.get_all_ex' },
    });
    expect((await api.authed('tasks.get_all', { page_size: 1 })).status).toBe(200);
  });

  it('a failRate of 0.5 fails some calls but not all', async () => {
    emu.setFaults({ failRate: 0.5 });
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () => api.call('debug.ping').then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(5);
  });

  it('failStatus 502 answers an HTML page like a reverse proxy', async () => {
    emu.setFaults({ failRate: 1, failStatus: 502 });
    const res = await api.call('debug.ping');
    expect(res.status).toBe(502);
    expect(res.json).toBeUndefined();
    expect(res.text).toContain('<title>502 Bad Gateway</title>');
  });

  it('unreachable drops connections without an answer, while the control surface still works', async () => {
    emu.setFaults({ unreachable: true });
    await expect(fetch(`${emu.url}/debug.ping`)).rejects.toThrow();
    const off = await control('faults', 'POST', { unreachable: false });
    expect(off.json.unreachable).toBe(false);
    expect((await api.call('debug.ping')).status).toBe(200);
  });

  it('commitThenTimeoutMs commits the create, then drops the answer', async () => {
    emu.setFaults({ commitThenTimeoutMs: 200 });
    const before = emu.store.counts().tasks;
    const token = await api.login();
    const project = emu.store.getProjectByName('cats')?.id;
    await expect(
      api.call('tasks.create', { name: 'fake committed', type: 'training', project }, { token }),
    ).rejects.toThrow();
    expect(emu.store.counts().tasks).toBe(before + 1);
    await expect(
      api.call('projects.create', { name: 'Fake Committed Project' }, { token }),
    ).rejects.toThrow();
    expect(emu.store.getProjectByName('Fake Committed Project')).toBeDefined();
    // Reads are not held.
    expect((await api.call('tasks.get_all', { page_size: 1 }, { token })).status).toBe(200);
  });

  it('counts calls per endpoint and resets the counters', async () => {
    emu.resetCalls();
    await api.call('debug.ping');
    await api.call('debug.ping');
    await api.authed('tasks.get_all_ex', { page_size: 1 });
    expect(emu.calls()).toMatchObject({ 'debug.ping': 2, 'tasks.get_all_ex': 1 });
    emu.resetCalls();
    expect(emu.calls()).toEqual({});
  });

  it('rejects invalid fault settings from the library', () => {
    expect(() => emu.setFaults({ failRate: 2 })).toThrow(/failRate/);
    expect(() => emu.setFaults({ failStatus: 418 })).toThrow(/failStatus/);
  });
});

describe('the /_emulator/ control surface', () => {
  it('GET and POST faults, returning the current settings', async () => {
    const initial = await control('faults');
    expect(initial.json).toEqual({
      latencyMs: 0,
      failRate: 0,
      failStatus: 503,
      failEndpoints: null,
      unreachable: false,
      commitThenTimeoutMs: 0,
      tokenLifetimeSec: 2592000,
    });
    const set = await control('faults', 'POST', { failRate: 1, failEndpoints: ['debug.ping'] });
    expect(set.json).toMatchObject({ failRate: 1, failEndpoints: ['debug.ping'] });
    expect((await api.call('debug.ping')).status).toBe(503);
  });

  it('when the fault settings are invalid, then problem+json naming the fields', async () => {
    const res = await control('faults', 'POST', { failRate: 'often', bogus: 1 });
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.json.detail).toContain('failRate');
    expect(res.json.detail).toContain('bogus');
    const notJson = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('expire-tokens, calls, calls/reset and reset', async () => {
    const token = await api.login();
    expect((await control('expire-tokens', 'POST')).status).toBe(200);
    expect((await api.call('tasks.get_all', {}, { token })).json.meta.result_subcode).toBe(30);
    expect((await control('calls')).json['tasks.get_all']).toBeGreaterThan(0);
    expect((await control('calls/reset', 'POST')).json).toEqual({});
    await apiClient(emu).data('projects.create', { name: 'Fake Temporary' });
    emu.setFaults({ latencyMs: 5 });
    expect((await control('reset', 'POST')).status).toBe(200);
    expect(emu.store.getProjectByName('Fake Temporary')).toBeUndefined();
    expect(emu.faults().latencyMs).toBe(0);
    const unknown = await control('nothing-here');
    expect(unknown.status).toBe(404);
  });
});
