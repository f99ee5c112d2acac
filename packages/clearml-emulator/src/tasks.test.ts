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

describe('tasks.get_all filters', () => {
  it('filters by project ids; names are not ids', async () => {
    const { tasks } = await api.data('tasks.get_all', {
      project: [idOf('cats')],
      only_fields: ['project'],
    });
    expect(tasks).toHaveLength(emu.store.tasksInProject(idOf('cats')).length);
    expect(tasks.every((t: T) => t.project === idOf('cats'))).toBe(true);
    const byName = await api.data('tasks.get_all', { project: ['cats'] });
    expect(byName.tasks).toEqual([]);
  });

  it('with include_subprojects also covers child projects', async () => {
    const parent = idOf('Vision/Detection');
    const own = await api.data('tasks.get_all', { project: [parent], only_fields: ['id'] });
    const deep = await api.data('tasks.get_all', {
      project: [parent],
      include_subprojects: true,
      only_fields: ['id'],
    });
    const expected =
      emu.store.tasksInProject(parent).length +
      emu.store.tasksInProject(idOf('Vision/Detection/YOLOv8')).length;
    expect(own.tasks.length).toBe(emu.store.tasksInProject(parent).length);
    expect(deep.tasks.length).toBe(expected);
  });

  it('matches any listed status and excludes "-value"', async () => {
    const project = [idOf('Vision/Detection/YOLOv8')];
    const some = await api.data('tasks.get_all', {
      project,
      status: ['completed', 'failed'],
      only_fields: ['status'],
    });
    expect(some.tasks.length).toBeGreaterThan(0);
    expect(some.tasks.every((t: T) => ['completed', 'failed'].includes(t.status))).toBe(true);
    const notCompleted = await api.data('tasks.get_all', {
      project,
      status: ['-completed'],
      only_fields: ['status'],
    });
    expect(notCompleted.tasks.every((t: T) => t.status !== 'completed')).toBe(true);
    expect(some.tasks.length + notCompleted.tasks.length).toBeGreaterThan(
      notCompleted.tasks.length,
    );
  });

  it('returns archived tasks unless system_tags ["-archived"], and supports __$not', async () => {
    const project = [idOf('Big Project')];
    const all = await api.data('tasks.get_all', {
      project,
      only_fields: ['system_tags'],
      page_size: 500,
    });
    expect(all.tasks.some((t: T) => t.system_tags.includes('archived'))).toBe(true);
    const active = await api.data('tasks.get_all', {
      project,
      system_tags: ['-archived'],
      only_fields: ['system_tags'],
    });
    expect(active.tasks.some((t: T) => t.system_tags.includes('archived'))).toBe(false);
    const viaNot = await api.data('tasks.get_all', {
      project,
      system_tags: ['__$not', 'archived'],
      only_fields: ['id'],
    });
    expect(viaNot.tasks.map((t: T) => t.id)).toEqual(active.tasks.map((t: T) => t.id));
  });

  it('leaves out hidden tasks unless search_hidden', async () => {
    const project = [idOf('Vision/.datasets')];
    expect((await api.data('tasks.get_all', { project })).tasks).toEqual([]);
    const hidden = await api.data('tasks.get_all', { project, search_hidden: true });
    expect(hidden.tasks.length).toBe(6);
  });

  it('matches name as a regex anywhere, and _any_ across fields case-insensitively', async () => {
    const re = await api.data('tasks.get_all', { name: 'yolov8.*coco', only_fields: ['name'] });
    expect(re.tasks.length).toBeGreaterThan(0);
    expect(re.tasks.every((t: T) => /yolov8.*coco/.test(t.name))).toBe(true);
    const sample = emu.store.tasksInProject(idOf('cats'))[0];
    const any = await api.data('tasks.get_all', {
      _any_: { pattern: sample?.id.slice(4, 20).toUpperCase(), fields: ['name', 'id'] },
    });
    expect(any.tasks.map((t: T) => t.id)).toEqual([sample?.id]);
  });

  it('search_text matches whole words, not substrings', async () => {
    const words = await api.data('tasks.get_all', { search_text: 'imdb', only_fields: ['name'] });
    expect(words.tasks.length).toBeGreaterThan(0);
    expect(words.tasks.every((t: T) => t.name.includes('imdb'))).toBe(true);
    const part = await api.data('tasks.get_all', { search_text: 'imd' });
    expect(part.tasks).toEqual([]);
  });

  it('when the status filter holds an unknown value, then 400/12', async () => {
    const res = await api.authed('tasks.get_all', { status: ['running'] });
    expect(res.status).toBe(400);
    expect(res.json.meta.result_subcode).toBe(12);
  });
});

describe('tasks.get_by_id and tasks.create', () => {
  it('get_by_id returns {task}; unknown id → 400/101', async () => {
    const id = emu.store.tasksInProject(idOf('cats'))[0]?.id;
    expect((await api.data('tasks.get_by_id', { task: id })).task.id).toBe(id);
    const res = await api.authed('tasks.get_by_id', { task: 'nope' });
    expect(res.json.meta).toMatchObject({ result_code: 400, result_subcode: 101 });
    expect(res.status).toBe(400);
  });

  it('creates a task with status created, storing tags, hyperparams, script and container as given', async () => {
    const project = idOf('cats');
    const body = {
      name: 'fake new task',
      type: 'training',
      project,
      comment: 'from a test',
      tags: ['a', 'b'],
      system_tags: ['cvat'],
      script: {
        repository: 'https://example.invalid/fake.git',
        branch: 'main',
        entry_point: 'train.py',
      },
      hyperparams: { Args: { lr: { value: '0.1', type: 'float' } } },
      configuration: { cfg: { name: 'cfg', value: 'a: 1', type: 'yaml' } },
      container: { image: 'python:3.11' },
    };
    const { id } = await api.data('tasks.create', body);
    const { task } = await api.data('tasks.get_by_id', { task: id });
    expect(task).toMatchObject({
      name: body.name,
      type: 'training',
      status: 'created',
      project,
      tags: ['a', 'b'],
      system_tags: ['cvat'],
      script: body.script,
      container: body.container,
      configuration: body.configuration,
    });
    expect(task.hyperparams.Args.lr).toEqual({
      section: 'Args',
      name: 'lr',
      value: '0.1',
      type: 'float',
    });
    expect(task.user).toBe(emu.store.getTask(id)?.user);
    const listed = await api.data('tasks.get_all', { project: [project], name: '^fake new task$' });
    expect(listed.tasks.map((t: T) => t.id)).toEqual([id]);
  });

  it('when name or type is missing, then 400/11; an unknown type, then 400/12', async () => {
    const project = idOf('cats');
    expect(
      (await api.authed('tasks.create', { type: 'training', project })).json.meta.result_subcode,
    ).toBe(11);
    expect(
      (await api.authed('tasks.create', { name: 'fake x', project })).json.meta.result_subcode,
    ).toBe(11);
    const bad = await api.authed('tasks.create', { name: 'fake x', type: 'annotation', project });
    expect(bad.json.meta).toMatchObject({ result_code: 400, result_subcode: 12 });
  });

  it('when the project does not exist or is missing, then 400/16 and nothing is created', async () => {
    const before = emu.store.counts().tasks;
    for (const body of [
      { name: 'fake', type: 'training', project: 'nope' },
      { name: 'fake', type: 'training' },
    ]) {
      const res = await api.authed('tasks.create', body);
      expect(res.json.meta).toMatchObject({ result_code: 400, result_subcode: 16 });
      expect(res.json.meta.result_msg).toContain('expecting Project id');
    }
    expect(emu.store.counts().tasks).toBe(before);
  });
});
