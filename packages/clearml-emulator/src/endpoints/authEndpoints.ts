import { ONE_YEAR_SEC, API_VERSION, SERVER_VERSION } from '../auth/TokenService.js';
import type { EndpointDef } from './EndpointDef.js';

export const authLogin: EndpointDef = {
  name: 'auth.login',
  versions: ['2.1'],
  authorize: true,
  spec: { fields: { expiration_sec: { kind: 'integer' } } },
  handle: ({ body, services, identity }) => {
    const base = services.faults.get().tokenLifetimeSec;
    const asked = body.expiration_sec as number | undefined;
    // Like the real server: the caller's expiration_sec wins, at most one year.
    const lifetime = asked !== undefined && asked > 0 ? Math.min(asked, ONE_YEAR_SEC) : base;
    return { token: services.tokens.issue(identity ?? services.identity, lifetime) };
  },
};

export const debugPing: EndpointDef = {
  name: 'debug.ping',
  versions: ['2.9'],
  authorize: false,
  spec: { fields: {} },
  handle: () => ({ msg: 'ClearML server' }),
};

export const serverInfo: EndpointDef = {
  name: 'server.info',
  versions: ['2.1', '2.8', '2.12'],
  authorize: true,
  spec: { fields: {} },
  handle: () => ({
    version: SERVER_VERSION,
    build: 'emulator',
    commit: '0000000',
    uid: 'clearml-emulator',
    api_version: API_VERSION,
  }),
};
