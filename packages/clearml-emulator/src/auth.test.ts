import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './startEmulator.js';
import { apiClient, decodeJwtPayload, type ApiClient } from './test/apiClient.js';
import type { RunningEmulator } from './types.js';

let clock = Date.parse('2025-07-01T12:00:00Z');
let emu: RunningEmulator;
let api: ApiClient;

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, now: () => clock });
  api = apiClient(emu);
});
afterAll(() => emu.stop());

const basicFor = (key: string, secret: string) =>
  `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

describe('auth.login', () => {
  it('with Basic key:secret, then a JWT-shaped token with exp, api_version and identity', async () => {
    const res = await api.call('auth.login', {}, { authorization: api.basic });
    expect(res.status).toBe(200);
    const token = res.json.data.token as string;
    expect(token.split('.')).toHaveLength(3);
    const header = JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const payload = decodeJwtPayload(token);
    expect(payload).toMatchObject({ api_version: '2.34', server_version: '2.3.0' });
    expect(payload.identity).toMatchObject({
      role: 'admin',
      user_name: 'Alex Morgan',
      company_name: 'clearml',
    });
    expect(Object.keys(payload.identity as object).sort()).toEqual([
      'company',
      'company_name',
      'role',
      'user',
      'user_name',
    ]);
    expect(payload.iat).toBe(Math.floor(clock / 1000));
    expect((payload.exp as number) - (payload.iat as number)).toBe(30 * 24 * 3600);
  });

  it('honours expiration_sec, at most one year', async () => {
    const short = decodeJwtPayload(await api.login(120));
    expect((short.exp as number) - (short.iat as number)).toBe(120);
    const long = decodeJwtPayload(await api.login(10 * 365 * 24 * 3600));
    expect((long.exp as number) - (long.iat as number)).toBe(365 * 24 * 3600);
  });

  it('when the access key is unknown, then 401/22', async () => {
    const res = await api.call(
      'auth.login',
      {},
      { authorization: basicFor('FAKE_WRONG_KEY', 'fake-emulator-secret-key') },
    );
    expect(res.status).toBe(401);
    expect(res.json.meta).toMatchObject({ result_code: 401, result_subcode: 22 });
    expect(res.json.meta.result_msg).toBe(
      'Unauthorized (invalid credentials) (failed to locate provided credentials)',
    );
  });

  it('when the secret is wrong, then 401/22', async () => {
    const res = await api.call(
      'auth.login',
      {},
      { authorization: basicFor('FAKE_EMULATOR_ACCESS_KEY', 'fake-wrong') },
    );
    expect(res.status).toBe(401);
    expect(res.json.meta.result_subcode).toBe(22);
  });

  it('when no credentials are sent, then 401/20', async () => {
    const res = await api.call('auth.login', {});
    expect(res.status).toBe(401);
    expect(res.json.meta).toMatchObject({
      result_subcode: 20,
      result_msg: 'Unauthorized (missing credentials)',
    });
  });
});

describe('authorization on calls', () => {
  it('debug.ping needs no token; server.info does', async () => {
    expect((await api.call('debug.ping')).status).toBe(200);
    const anon = await api.call('server.info');
    expect(anon.status).toBe(401);
    expect(anon.json.meta.result_subcode).toBe(20);
    const info = await api.call('server.info', {}, { token: await api.login() });
    expect(info.status).toBe(200);
    expect(info.json.data).toMatchObject({ version: '2.3.0', api_version: '2.34' });
    expect(Object.keys(info.json.data).sort()).toEqual([
      'api_version',
      'build',
      'commit',
      'uid',
      'version',
    ]);
  });

  it('accepts Basic credentials on every call, like the real server', async () => {
    const res = await api.call('projects.get_all', { page_size: 1 }, { authorization: api.basic });
    expect(res.status).toBe(200);
    expect(res.json.data.projects).toHaveLength(1);
  });

  it('when the token is malformed or its signature is wrong, then 401/30', async () => {
    const garbage = await api.call('tasks.get_all', {}, { token: 'not-a-jwt' });
    expect(garbage.status).toBe(401);
    expect(garbage.json.meta.result_subcode).toBe(30);
    const token = await api.login();
    const [h, p] = token.split('.');
    const forged = await api.call('tasks.get_all', {}, { token: `${h}.${p}.AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.json.meta.result_subcode).toBe(30);
    expect(forged.json.meta.result_msg).toMatch(/^Invalid token \(invalid jwt token\): reason=/);
  });

  it('when the token has expired, then 401/30 "Signature has expired"', async () => {
    const token = await api.login(60);
    expect((await api.call('tasks.get_all', { page_size: 1 }, { token })).status).toBe(200);
    clock += 61_000;
    const res = await api.call('tasks.get_all', { page_size: 1 }, { token });
    expect(res.status).toBe(401);
    expect(res.json.meta).toMatchObject({
      result_subcode: 30,
      result_msg: 'Invalid token (invalid jwt token): reason=Signature has expired',
    });
  });

  it('when all tokens are expired by the control, then old tokens get 401/30 and new ones work', async () => {
    const old = await api.login();
    emu.expireAllTokens();
    const res = await api.call('tasks.get_all', { page_size: 1 }, { token: old });
    expect(res.status).toBe(401);
    expect(res.json.meta.result_subcode).toBe(30);
    const fresh = await api.login();
    expect((await api.call('tasks.get_all', { page_size: 1 }, { token: fresh })).status).toBe(200);
  });

  it('tokenLifetimeSec fault shortens tokens issued from then on', async () => {
    emu.setFaults({ tokenLifetimeSec: 5 });
    const payload = decodeJwtPayload(await api.login());
    expect((payload.exp as number) - (payload.iat as number)).toBe(5);
    emu.clearFaults();
    const after = decodeJwtPayload(await api.login());
    expect((after.exp as number) - (after.iat as number)).toBe(30 * 24 * 3600);
  });

  it('when a token comes from another emulator, then 401/30', async () => {
    const other = await startEmulator({ quiet: true, sampleData: false });
    try {
      const foreign = await apiClient(other).login();
      const res = await api.call('tasks.get_all', {}, { token: foreign });
      expect(res.status).toBe(401);
      expect(res.json.meta.result_subcode).toBe(30);
    } finally {
      await other.stop();
    }
  });
});
