import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSecured, type Started } from './buildSecurityApp.js';
import { fakeCvatCredentials, sessionCookie, users } from './fakeUsers.js';
import { startFakeCvat, type FakeCvat } from './startFakeCvat.js';

let cvat: FakeCvat;
const running: Started[] = [];
beforeAll(async () => {
  cvat = await startFakeCvat(fakeCvatCredentials);
});
afterAll(() => cvat.stop());
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function proxy(env: Record<string, string> = {}) {
  const started = await startSecured({ AUTH_MODE: 'cvat', CVAT_URL: cvat.url, ...env });
  running.push(started);
  return started;
}

/** A create as the panel sends it inside CVAT: session cookie, CSRF header, same origin. */
const create = (p: Started, who: keyof typeof users) =>
  fetch(`${p.url}/projects/Vision/tasks/create`, {
    method: 'POST',
    headers: {
      cookie: sessionCookie(who),
      'x-csrftoken': `fake-csrf-${who}`,
      origin: p.url,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ name: 'train' }),
  });

describe('who may create tasks', () => {
  it.each([
    ['alice', 'user group', 201],
    ['root', 'admin group', 201],
    ['wendy', 'worker group', 403],
    ['sam', 'worker group but superuser', 201],
  ] as const)('with the default CREATE_GROUPS, %s (%s) gets %i', async (who, _why, status) => {
    const p = await proxy();
    const res = await create(p, who);
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(((await res.json()) as { type: string }).type).toBe(
        'urn:cvat-clearml:problem:forbidden',
      );
      expect(p.logs.some((l) => l.msg === 'audit')).toBe(false);
    }
  });

  it('when a create succeeds, then one audit line names the CVAT user, project and new task', async () => {
    const p = await proxy();
    expect((await create(p, 'alice')).status).toBe(201);
    expect(p.logs.filter((l) => l.msg === 'audit')).toEqual([
      {
        level: 'info',
        msg: 'audit',
        audit: 'task.create',
        user_id: 1,
        user: 'alice',
        via: 'cvat-session',
        project: 'Vision',
        task_id: 'fake-task-1',
        replayed: false,
      },
    ]);
  });

  it('when CREATE_GROUPS=admin, then a user-group member is refused and /whoami says so', async () => {
    const p = await proxy({ CREATE_GROUPS: 'admin' });
    expect((await create(p, 'alice')).status).toBe(403);
    expect((await create(p, 'root')).status).toBe(201);
    const who = await fetch(`${p.url}/whoami`, { headers: { cookie: sessionCookie('alice') } });
    expect(((await who.json()) as { can_create: boolean }).can_create).toBe(false);
  });

  it('when READ_ONLY=true, then every write is 403 read-only, even for a superuser, and reads work', async () => {
    const p = await proxy({ READ_ONLY: 'true' });
    for (const who of ['root', 'sam'] as const) {
      const res = await create(p, who);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { type: string }).type).toBe(
        'urn:cvat-clearml:problem:read-only',
      );
    }
    const other = await fetch(`${p.url}/anything`, {
      method: 'DELETE',
      headers: { cookie: sessionCookie('root'), 'x-csrftoken': 'fake-csrf-root', origin: p.url },
    });
    expect(other.status).toBe(403);
    expect(
      p.security.canCreate({
        ...users.root,
        id: 2,
        groups: ['admin'],
        isSuperuser: true,
        via: 'cvat-session',
      }),
    ).toBe(false);
    const read = await fetch(`${p.url}/whoami`, { headers: { cookie: sessionCookie('root') } });
    expect(read.status).toBe(200);
  });

  it('when CLEARML_PROJECTS is set, then the scope allows only matching projects', async () => {
    const p = await proxy({ CLEARML_PROJECTS: 'Vision/*, cats' });
    const scope = p.security.scopeFor({
      id: 1,
      username: 'alice',
      groups: ['user'],
      isSuperuser: false,
      via: 'cvat-session',
    });
    expect(scope.all).toBe(false);
    expect(['Vision', 'Vision/Detection', 'cats'].every((n) => scope.allows(n))).toBe(true);
    expect(['cats_v2', 'Visionary', 'a.b', 'vision'].some((n) => scope.allows(n))).toBe(false);
  });
});
