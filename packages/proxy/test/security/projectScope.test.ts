import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealProxy, type RealProxy } from './startRealProxy.js';

// Scoped to Vision and below; `cats`, `cats_v2`, `NLP`… must not exist for callers.
const TOKEN = 'fake-proxy-token-scope-0001';
let proxy: RealProxy;
let ids: { catsTask: string; catsModel: string; visionTask: string; orphanModel: string };

beforeAll(async () => {
  proxy = await startRealProxy({
    AUTH_MODE: 'token',
    PROXY_API_TOKENS: `scope:${TOKEN}`,
    CLEARML_PROJECTS: 'Vision/*',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const { store } = proxy.emulator;
  const projectId = (name: string) => [...store.projects.values()].find((p) => p.name === name)!.id;
  const inProject = <T extends { project?: string }>(items: Iterable<T>, name: string) =>
    [...items].find((i) => i.project === projectId(name))!;
  ids = {
    catsTask: inProject(store.tasks.values(), 'cats').id,
    catsModel: (inProject(store.models.values(), 'cats') as { id: string }).id,
    visionTask: inProject(store.tasks.values(), 'Vision/Detection').id,
    orphanModel: [...store.models.values()].find((m) => !m.project)!.id,
  };
});
afterAll(() => proxy.stop());

const call = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${proxy.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, ...init.headers },
  });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body };
};

const ghostProject = (path: string) =>
  path.replace(/^\/projects\/[^/?]+/, '/projects/fake-never-existed');
const ghostId = (path: string) => path.replace(/[0-9a-f]{32}(?!.*[0-9a-f]{32})/, 'f'.repeat(32));

/**
 * 404, and the very answer a project or id that never existed gets (same detail once the name
 * is swapped): nothing tells a caller that the hidden thing exists.
 */
const expectNotFound = async (path: string, init?: RequestInit, ghostOf = ghostProject) => {
  const hidden = await call(path, init);
  expect(hidden.status, path).toBe(404);
  const ghostPath = ghostOf(path);
  expect(ghostPath, 'the ghost must differ').not.toBe(path);
  const ghost = await call(ghostPath, init);
  expect(ghost.status, ghostPath).toBe(404);
  const normalise = (body: Record<string, unknown>, p: string) =>
    JSON.stringify({ ...body, instance: undefined })
      .replaceAll(decodeURIComponent(p.split('/')[2]?.split('?')[0] ?? '\0'), '<name>')
      .replace(/[0-9a-f]{32}|f{32}/g, '<id>');
  expect(normalise(hidden.body, path)).toBe(normalise(ghost.body, ghostPath));
};

type Item = { name?: string; project_name?: string | null };
const items = (body: Record<string, unknown>) => body.items as Item[];

describe('CLEARML_PROJECTS=Vision/*: everything else is invisible through every endpoint', () => {
  it('project lists show only Vision and its sub-projects, however they are searched', async () => {
    for (const query of [
      '',
      '?search=cats',
      '?search=a',
      '?page_size=500',
      '?parent=',
      '?sort=-name',
    ]) {
      const { status, body } = await call(`/projects${query}`);
      expect(status, query).toBe(200);
      for (const p of items(body)) expect(p.name, query).toMatch(/^Vision(\/|$)/);
    }
    const all = items((await call('/projects?page_size=500')).body).map((p) => p.name);
    expect(all).toEqual(
      expect.arrayContaining(['Vision', 'Vision/Detection', 'Vision/Detection/YOLOv8']),
    );
    const { status, body } = await call('/projects?parent=cats');
    expect(status === 404 || items(body).length === 0).toBe(true);
  });

  it.each(['cats', 'cats_v2', 'NLP', 'NLP%2FSentiment', 'Big%20Project', 'Visionary', 'vision'])(
    'project %s, its tasks and a create in it are 404',
    async (name) => {
      await expectNotFound(`/projects/${name}`);
      await expectNotFound(`/projects/${name}/tasks`);
      await expectNotFound(`/projects/${name}/tasks?include_archived=true&search=a`);
      const before = proxy.emulator.store.tasks.size;
      await expectNotFound(`/projects/${name}/tasks/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'fake scoped-out task' }),
      });
      expect(proxy.emulator.store.tasks.size).toBe(before);
    },
  );

  it("a scoped-out project's task is 404 by its own project and by a visible one", async () => {
    await expectNotFound(`/projects/cats/tasks/${ids.catsTask}`);
    await expectNotFound(`/projects/Vision%2FDetection/tasks/${ids.catsTask}`, {}, ghostId);
    expect((await call(`/projects/Vision%2FDetection/tasks/${ids.visionTask}`)).status).toBe(200);
  });

  it('model lists never show a model outside the scope, with or without filters', async () => {
    for (const query of [
      '',
      '?page_size=500',
      '?include_archived=true&page_size=500',
      '?search=a',
      `?task_id=${ids.catsTask}`,
      '?project=Vision%2FDetection%2FYOLOv8',
    ]) {
      const { status, body } = await call(`/models${query}`);
      expect(status, query).toBe(200);
      for (const m of items(body)) expect(m.project_name, query).toMatch(/^Vision(\/|$)/);
    }
    const visible = items((await call('/models?page_size=500')).body);
    expect(visible.length).toBeGreaterThan(0);
  });

  it.each(['cats', 'NLP', 'cats_v2'])(
    'models filtered by scoped-out project %s: 404 or nothing',
    async (p) => {
      const { status, body } = await call(`/models?project=${p}`);
      expect(status === 404 || (status === 200 && items(body).length === 0), `${status}`).toBe(
        true,
      );
    },
  );

  it('a scoped-out model, or one in no project, is 404', async () => {
    await expectNotFound(`/models/${ids.catsModel}`, {}, ghostId);
    await expectNotFound(`/models/${ids.orphanModel}`, {}, ghostId);
  });

  it('the framework list names only frameworks of visible models', async () => {
    const { status, body } = await call('/models/frameworks');
    expect(status).toBe(200);
    const { store } = proxy.emulator;
    const visibleIds = new Set(
      [...store.projects.values()].filter((p) => /^Vision(\/|$)/.test(p.name)).map((p) => p.id),
    );
    const allowed = new Set(
      [...store.models.values()]
        .filter((m) => m.project && visibleIds.has(m.project))
        .map((m) => (m as unknown as { framework?: string }).framework),
    );
    for (const f of body.items as string[]) expect(allowed.has(f), f).toBe(true);
  });
});
