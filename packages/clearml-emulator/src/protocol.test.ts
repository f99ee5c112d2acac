import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './startEmulator.js';
import { apiClient, type ApiClient } from './test/apiClient.js';
import type { RunningEmulator } from './types.js';

let emu: RunningEmulator;
let api: ApiClient;

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  api = apiClient(emu);
});
afterAll(() => emu.stop());

describe('the wire protocol', () => {
  it('binds to loopback on a free port', () => {
    expect(emu.host).toBe('127.0.0.1');
    expect(emu.port).toBeGreaterThan(0);
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
  });

  it('answers in the meta/data envelope with HTTP status equal to result_code', async () => {
    const res = await api.call('debug.ping');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.json.meta).toMatchObject({
      endpoint: { name: 'debug.ping', requested_version: '2.34', actual_version: '2.9' },
      result_code: 200,
      result_subcode: 0,
      result_msg: 'OK',
      error_stack: null,
      error_data: {},
    });
    expect(res.json.meta.id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.json.data).toEqual({ msg: 'ClearML server' });
  });

  it('echoes X-ClearML-Trx as meta.trx and as a response header', async () => {
    const res = await api.call('debug.ping', {}, { headers: { 'X-ClearML-Trx': 'trx-fake-123' } });
    expect(res.json.meta.trx).toBe('trx-fake-123');
    expect(res.headers.get('x-clearml-trx')).toBe('trx-fake-123');
  });

  it('accepts any HTTP method, an optional version prefix, and an empty body', async () => {
    const get = await api.call('debug.ping', undefined, { method: 'GET' });
    expect(get.status).toBe(200);
    const put = await api.call('debug.ping', undefined, { method: 'PUT', rawBody: '' });
    expect(put.status).toBe(200);
    const versioned = await api.call('debug.ping', {}, { version: '2.20' });
    expect(versioned.json.meta.endpoint).toMatchObject({
      requested_version: '2.20',
      actual_version: '2.9',
    });
  });

  it('when the version is lower than the endpoint exists at, then 404/0', async () => {
    const res = await api.call('debug.ping', {}, { version: '2.1' });
    expect(res.status).toBe(404);
    expect(res.json.meta.result_subcode).toBe(0);
    expect(res.json.meta.result_msg).toBe(
      'Unable to find endpoint for name debug.ping and version 2.1',
    );
  });

  it('when the version is above the server maximum, then 400 invalid version', async () => {
    const res = await api.call('debug.ping', {}, { version: '9.0' });
    expect(res.status).toBe(400);
    expect(res.json.meta.result_subcode).toBe(2);
  });

  it('when the endpoint is unknown, then 404/0 naming it', async () => {
    const res = await api.call('tasks.no_such_action', {});
    expect(res.status).toBe(404);
    expect(res.json.meta).toMatchObject({ result_code: 404, result_subcode: 0 });
    expect(res.json.meta.result_msg).toContain('tasks.no_such_action');
  });

  it('when GET / is asked, then 400 "Invalid request path /"', async () => {
    const res = await fetch(`${emu.url}/`);
    const body = (await res.json()) as { meta: { result_code: number; result_msg: string } };
    expect(res.status).toBe(400);
    expect(body.meta.result_code).toBe(400);
    expect(body.meta.result_msg).toBe('Invalid request path /');
  });

  it('when the request has a Content-Encoding, then a plain-text 415', async () => {
    const res = await api.call('debug.ping', {}, { headers: { 'content-encoding': 'gzip' } });
    expect(res.status).toBe(415);
    expect(res.json).toBeUndefined();
    expect(res.text).toMatch(/encoding/i);
  });

  it('when the body is not JSON or not an object, then 400/12', async () => {
    for (const rawBody of ['{not json', '[1,2]', '"text"']) {
      const res = await api.authed('tasks.get_all', undefined, { rawBody });
      expect(res.status).toBe(400);
      expect(res.json.meta.result_subcode).toBe(12);
    }
  });

  it('merges query parameters into the body, coercing numbers and booleans by the schema', async () => {
    const res = await api.authed(
      'tasks.get_all',
      {},
      {
        query: 'page_size=3&page=1&only_fields=id&only_fields=name&search_hidden=true',
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.data.tasks).toHaveLength(3);
    expect(Object.keys(res.json.data.tasks[0]).sort()).toEqual(['id', 'name']);
    const bad = await api.authed('tasks.get_all', {}, { query: 'page_size=lots' });
    expect(bad.status).toBe(400);
    expect(bad.json.meta.result_subcode).toBe(12);
  });

  it('when a field has the wrong type, then 400/12 naming the field', async () => {
    const res = await api.authed('tasks.get_all', { page_size: 'ten' });
    expect(res.status).toBe(400);
    expect(res.json.meta.result_subcode).toBe(12);
    expect(res.json.meta.result_msg).toContain('page_size');
  });
});
