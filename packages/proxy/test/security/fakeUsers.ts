import type { FakeCvatOptions, FakeCvatUser } from './startFakeCvat.js';

const user = (id: number, username: string, groups: string[], superuser = false): FakeCvatUser => ({
  id,
  username,
  groups,
  is_superuser: superuser,
});

export const users = {
  alice: user(1, 'alice', ['user']),
  root: user(2, 'root', ['admin']),
  wendy: user(3, 'wendy', ['worker']),
  sam: user(4, 'sam', ['worker'], true),
  idle: { ...user(5, 'idle', ['user']), is_active: false },
};

/** Every fake credential the fake CVAT knows; all obviously fake. */
export const fakeCvatCredentials: FakeCvatOptions = {
  sessions: {
    'fake-session-alice': users.alice,
    'fake-session-root': users.root,
    'fake-session-wendy': users.wendy,
    'fake-session-sam': users.sam,
    'fake-session-idle': users.idle,
  },
  tokens: { 'fake-cvat-token-alice': users.alice, 'fake-cvat-token-wendy': users.wendy },
  basic: { 'alice:fake-password': users.alice },
};

export const sessionCookie = (name: keyof typeof users, csrf = `fake-csrf-${name}`) =>
  `sessionid=fake-session-${name}; csrftoken=${csrf}`;

export const basicAuth = (userPass: string) =>
  `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
