import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './startEmulator.js';
import { apiClient, type ApiClient } from './test/apiClient.js';
import type { RunningEmulator } from './types.js';

let emu: RunningEmulator;
let api: ApiClient;
const idOf = (name: string) => emu.store.getProjectByName(name)?.id as string;
type T = { id: string; name: string; status: string; system_tags: string[]; project: unknown };

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  api = apiClient(emu);
});
afterAll(() => emu.stop());

describe('tasks paging, ordering, projection', () => {
  it('caps page_size at 500 silently; an unpaged call returns at most 500', async () => {
    const project = [idOf('Big Project')];
    const huge = await api.data('tasks.get_all', { project, page_size: 5000, only_fields: ['id'] });
    expect(huge.tasks).toHaveLength(500);
    const unpaged = await api.data('tasks.get_all', { project, only_fields: ['id'] });
    expect(unpaged.tasks).toHaveLength(500);
    const last = await api.data('tasks.get_all', {
      project,
      page: 2,
      page_size: 500,
      only_fields: ['id'],
    });
    expect(last.tasks).toHaveLength(200);
  });

  it('pages through a project without gaps or repeats using order_by and the id tie-breaker', async () => {
    const project = [idOf('Big Project')];
    const seen: string[] = [];
    for (let page = 0; page < 30; page++) {
      const { tasks } = await api.data('tasks.get_all', {
        project,
        order_by: ['status'],
        page,
        page_size: 100,
        only_fields: ['id', 'status'],
      });
      seen.push(...tasks.map((t: T) => t.id));
      if (tasks.length < 100) break;
    }
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
  });

  it('orders by several keys with "-" for descending', async () => {
    const { tasks } = await api.data('tasks.get_all', {
      project: [idOf('NLP/Sentiment')],
      order_by: ['status', '-last_update'],
      only_fields: ['status', 'last_update'],
    });
    for (let i = 1; i < tasks.length; i++) {
      const [a, b] = [tasks[i - 1], tasks[i]];
      expect(a.status <= b.status).toBe(true);
      if (a.status === b.status) expect(a.last_update >= b.last_update).toBe(true);
    }
  });

  it('projects dotted only_fields paths and excludes "-path"', async () => {
    const { tasks } = await api.data('tasks.get_all', {
      project: [idOf('Audio')],
      only_fields: ['name', 'script.repository', 'hyperparams.Args.lr.value'],
      page_size: 1,
    });
    expect(tasks[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      script: { repository: 'https://github.com/acme-ml/audio-events.git' },
      hyperparams: { Args: { lr: { value: expect.any(String) } } },
    });
    const excl = await api.data('tasks.get_all', {
      project: [idOf('Audio')],
      only_fields: ['-script', '-configuration'],
      page_size: 1,
    });
    expect(excl.tasks[0]).not.toHaveProperty('script');
    expect(excl.tasks[0]).toHaveProperty('hyperparams');
  });

  it('scrolls with size + scroll_id, and an unknown or expired scroll_id restarts', async () => {
    const project = [idOf('Big Project')];
    const first = await api.data('tasks.get_all_ex', {
      project,
      scroll_id: null,
      size: 400,
      only_fields: ['id'],
    });
    expect(first.tasks).toHaveLength(400);
    expect(first.scroll_id).toEqual(expect.any(String));
    const ids = first.tasks.map((t: T) => t.id);
    let scroll = first.scroll_id;
    for (let i = 0; i < 5; i++) {
      const next = await api.data('tasks.get_all_ex', {
        project,
        scroll_id: scroll,
        size: 400,
        only_fields: ['id'],
      });
      ids.push(...next.tasks.map((t: T) => t.id));
      scroll = next.scroll_id;
      if (next.tasks.length < 400) break;
    }
    expect(new Set(ids).size).toBe(1200);
    const restarted = await api.data('tasks.get_all_ex', {
      project,
      scroll_id: 'expired-or-unknown',
      size: 3,
      only_fields: ['id'],
    });
    expect(restarted.tasks.map((t: T) => t.id)).toEqual(ids.slice(0, 3));
    const noSize = await api.authed('tasks.get_all_ex', { project, scroll_id: null });
    expect(noSize.json.meta).toMatchObject({ result_code: 400, result_subcode: 12 });
  });
});

describe('tasks.get_all_ex references', () => {
  it('returns project, user and parent as {id} objects, joined fields on request', async () => {
    const project = idOf('Vision/Detection/YOLOv8');
    const plain = await api.data('tasks.get_all_ex', {
      project: [project],
      only_fields: ['project', 'user'],
      page_size: 1,
    });
    expect(plain.tasks[0].project).toEqual({ id: project });
    expect(plain.tasks[0].user).toEqual({ id: expect.any(String) });
    const joined = await api.data('tasks.get_all_ex', {
      project: [project],
      only_fields: ['name', 'project.name', 'user.name'],
      page_size: 1,
    });
    expect(joined.tasks[0].project).toEqual({ id: project, name: 'Vision/Detection/YOLOv8' });
    expect(joined.tasks[0].user.name).toEqual(expect.any(String));
    const get_all = await api.data('tasks.get_all', {
      project: [project],
      only_fields: ['project'],
      page_size: 1,
    });
    expect(get_all.tasks[0].project).toBe(project);
  });

  it('expands models.input[].model to {id} and joins its name', async () => {
    const withInput = [...emu.store.tasks.values()].find((t) => t.models?.input?.length);
    expect(withInput).toBeDefined();
    const { tasks } = await api.data('tasks.get_all_ex', {
      id: [withInput?.id],
      only_fields: ['models.input.model.name', 'models.input.name'],
    });
    const input = tasks[0].models.input[0];
    expect(input.model).toEqual({
      id: withInput?.models?.input?.[0]?.model,
      name: expect.stringContaining('pretrained'),
    });
  });
});
