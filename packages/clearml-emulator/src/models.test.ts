import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './startEmulator.js';
import { apiClient, type ApiClient } from './test/apiClient.js';
import type { RunningEmulator } from './types.js';

let emu: RunningEmulator;
let api: ApiClient;
type M = {
  id: string;
  framework: string;
  ready: boolean;
  project: unknown;
  task: unknown;
  tags: string[];
  system_tags: string[];
};

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  api = apiClient(emu);
});
afterAll(() => emu.stop());

describe('models.get_all', () => {
  it('returns models with uri, labels, framework and ready, plain ids for references', async () => {
    const { models } = await api.data('models.get_all', {});
    expect(models.length).toBe(emu.store.counts().models);
    const linked = models.find((m: M) => m.task);
    expect(typeof linked.task).toBe('string');
    expect(typeof linked.project).toBe('string');
    expect(linked.uri).toMatch(/^(s3|file):\/\//);
    expect(Object.values(linked.labels).every((v) => Number.isInteger(v))).toBe(true);
  });

  it('filters by framework, ready and project', async () => {
    const torch = await api.data('models.get_all', { framework: ['PyTorch'] });
    expect(torch.models.length).toBeGreaterThan(0);
    expect(torch.models.every((m: M) => m.framework === 'PyTorch')).toBe(true);
    const published = await api.data('models.get_all', { ready: true });
    const drafts = await api.data('models.get_all', { ready: false });
    expect(published.models.every((m: M) => m.ready)).toBe(true);
    expect(drafts.models.every((m: M) => !m.ready)).toBe(true);
    expect(published.models.length + drafts.models.length).toBe(emu.store.counts().models);
    const project = emu.store.getProjectByName('Vision/Detection/YOLOv8')?.id;
    const inProject = await api.data('models.get_all', { project: [project] });
    expect(inProject.models.every((m: M) => m.project === project)).toBe(true);
  });

  it('coerces ready=true from the query string', async () => {
    const res = await api.authed('models.get_all', {}, { query: 'ready=true&only_fields=ready' });
    expect(res.status).toBe(200);
    expect(res.json.data.models.every((m: M) => m.ready === true)).toBe(true);
  });

  it('returns archived models unless excluded, filters by tags', async () => {
    const all = await api.data('models.get_all', { only_fields: ['system_tags'] });
    expect(all.models.some((m: M) => m.system_tags.includes('archived'))).toBe(true);
    const active = await api.data('models.get_all', {
      system_tags: ['-archived'],
      only_fields: ['system_tags'],
    });
    expect(active.models.some((m: M) => m.system_tags.includes('archived'))).toBe(false);
    const pretrained = await api.data('models.get_all', {
      tags: ['pretrained'],
      only_fields: ['tags'],
    });
    expect(pretrained.models.length).toBe(5);
  });
});

describe('models.get_all_ex', () => {
  it('returns task and project as {id} with joined names on request', async () => {
    const { models } = await api.data('models.get_all_ex', {
      only_fields: ['name', 'task.name', 'project.name'],
      system_tags: ['-archived'],
      tags: ['-pretrained'],
    });
    const m = models.find((x: M) => x.task);
    expect(m.task).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(m.project).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(emu.store.getTask(m.task.id)?.name).toBe(m.task.name);
  });

  it('with include_stats adds labels_count', async () => {
    const { models } = await api.data('models.get_all_ex', { include_stats: true, page_size: 1 });
    expect(models[0].stats.labels_count).toBe(Object.keys(models[0].labels).length);
  });
});

describe('models.get_by_id and get_frameworks', () => {
  it('get_by_id returns {model}; unknown → 400/201', async () => {
    const id = [...emu.store.models.keys()][0];
    expect((await api.data('models.get_by_id', { model: id })).model.id).toBe(id);
    const res = await api.authed('models.get_by_id', { model: 'nope' });
    expect(res.status).toBe(400);
    expect(res.json.meta.result_subcode).toBe(201);
    expect((await api.authed('models.get_by_id', {})).json.meta.result_subcode).toBe(11);
  });

  it('get_frameworks lists the distinct frameworks, optionally per project', async () => {
    const { frameworks } = await api.data('models.get_frameworks', {});
    expect(frameworks).toEqual(
      [...new Set([...emu.store.models.values()].map((m) => m.framework))].sort(),
    );
    expect(frameworks).toEqual(expect.arrayContaining(['PyTorch', 'ONNX', 'scikit-learn']));
    expect(frameworks.length).toBeGreaterThanOrEqual(5);
    const cats = emu.store.getProjectByName('cats_v2')?.id;
    const some = await api.data('models.get_frameworks', { projects: [cats] });
    expect(
      some.frameworks.every((f: string) => ['scikit-learn', 'XGBoost', 'LightGBM'].includes(f)),
    ).toBe(true);
  });
});
