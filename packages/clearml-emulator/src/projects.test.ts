import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './startEmulator.js';
import { apiClient, type ApiClient } from './test/apiClient.js';
import type { RunningEmulator } from './types.js';

let emu: RunningEmulator;
let api: ApiClient;
const idOf = (name: string) => emu.store.getProjectByName(name)?.id as string;
const names = (list: { name: string }[]) => list.map((p) => p.name).sort();

beforeAll(async () => {
  emu = await startEmulator({ quiet: true });
  api = apiClient(emu);
});
afterAll(() => emu.stop());

describe('projects.get_all', () => {
  it('matches name as a regular expression anywhere: "cats" also finds cats_v2', async () => {
    const { projects } = await api.data('projects.get_all', { name: 'cats' });
    expect(names(projects)).toEqual(['cats', 'cats_v2']);
    const exact = await api.data('projects.get_all', { name: '^cats$' });
    expect(names(exact.projects)).toEqual(['cats']);
  });

  it('treats a.b and (x) y as patterns, so clients must escape them', async () => {
    const dot = await api.data('projects.get_all', { name: 'a.b' });
    expect(names(dot.projects)).toContain('a.b');
    const group = await api.data('projects.get_all', { name: '(x) y' });
    expect(names(group.projects)).not.toContain('(x) y');
    const escaped = await api.data('projects.get_all', { name: '^\\(x\\) y$' });
    expect(names(escaped.projects)).toEqual(['(x) y']);
  });

  it('names sub-projects by full path with basename and hides hidden ones unless search_hidden', async () => {
    const { projects } = await api.data('projects.get_all', { name: '^Vision' });
    expect(names(projects)).toEqual([
      'Vision',
      'Vision/Detection',
      'Vision/Detection/YOLOv8',
      'Vision/Segmentation',
    ]);
    const yolo = projects.find((p: { name: string }) => p.name === 'Vision/Detection/YOLOv8');
    expect(yolo.basename).toBe('YOLOv8');
    expect(yolo).not.toHaveProperty('parent');
    const all = await api.data('projects.get_all', { name: '^Vision', search_hidden: true });
    expect(names(all.projects)).toContain('Vision/.datasets');
  });

  it('filters by basename and excludes archived with system_tags ["-archived"]', async () => {
    const byBase = await api.data('projects.get_all', { basename: '^Detection$' });
    expect(names(byBase.projects)).toEqual(['Vision/Detection']);
    const all = await api.data('projects.get_all', { name: 'Legacy' });
    expect(names(all.projects)).toEqual(['Archive/Legacy Detection']);
    const active = await api.data('projects.get_all', {
      name: 'Legacy',
      system_tags: ['-archived'],
    });
    expect(active.projects).toEqual([]);
  });

  it('with shallow_search lists one level: top level, or the children of parent', async () => {
    const top = await api.data('projects.get_all', { shallow_search: true });
    expect(names(top.projects)).toEqual([
      '(x) y',
      'Archive',
      'Audio',
      'Big Project',
      'NLP',
      'Vision',
      'a.b',
      'cats',
      'cats_v2',
    ]);
    const children = await api.data('projects.get_all', {
      shallow_search: true,
      parent: [idOf('Vision')],
    });
    expect(names(children.projects)).toEqual(['Vision/Detection', 'Vision/Segmentation']);
    const descendants = await api.data('projects.get_all', { parent: [idOf('Vision')] });
    expect(names(descendants.projects)).toEqual([
      'Vision/Detection',
      'Vision/Detection/YOLOv8',
      'Vision/Segmentation',
    ]);
  });

  it('orders by name with "-" for descending and pages from 0', async () => {
    const page0 = await api.data('projects.get_all', {
      order_by: ['-name'],
      page: 0,
      page_size: 2,
      only_fields: ['name'],
    });
    const page1 = await api.data('projects.get_all', {
      order_by: ['-name'],
      page: 1,
      page_size: 2,
      only_fields: ['name'],
    });
    expect(page0.projects.map((p: { name: string }) => p.name)).toEqual(['cats_v2', 'cats']);
    expect(page1.projects.map((p: { name: string }) => p.name)).toEqual([
      'a.b',
      'Vision/Segmentation',
    ]);
  });
});

describe('projects.get_all_ex', () => {
  it('with include_stats adds active task counts per status and direct sub_projects', async () => {
    const { projects } = await api.data('projects.get_all_ex', {
      name: '^Vision/Detection$',
      include_stats: true,
    });
    const [p] = projects;
    const own = emu.store.tasksInProject(idOf('Vision/Detection'));
    const child = emu.store.tasksInProject(idOf('Vision/Detection/YOLOv8'));
    const active = [...own, ...child].filter((t) => !t.system_tags.includes('archived'));
    expect(p.stats.active.total_tasks).toBe(active.length);
    const completed = active.filter((t) => t.status === 'completed').length;
    expect(p.stats.active.status_count.completed).toBe(completed);
    const sum = Object.values(p.stats.active.status_count as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    expect(sum).toBe(active.filter((t) => t.status !== 'publishing').length);
    expect(p.sub_projects).toEqual([
      { id: idOf('Vision/Detection/YOLOv8'), name: 'Vision/Detection/YOLOv8' },
    ]);
    const ownOnly = await api.data('projects.get_all_ex', {
      id: [p.id],
      include_stats: true,
      stats_with_children: false,
    });
    expect(ownOnly.projects[0].stats.active.total_tasks).toBe(
      own.filter((t) => !t.system_tags.includes('archived')).length,
    );
  });

  it('marks hidden projects with hidden: true when search_hidden', async () => {
    const { projects } = await api.data('projects.get_all_ex', {
      name: 'datasets',
      search_hidden: true,
      include_stats: true,
    });
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ name: 'Vision/.datasets', hidden: true });
    const vision = await api.data('projects.get_all_ex', { name: '^Vision$', include_stats: true });
    expect(vision.projects[0].sub_projects.map((s: { name: string }) => s.name)).toEqual([
      'Vision/Detection',
      'Vision/Segmentation',
    ]);
  });
});

describe('projects.get_by_id', () => {
  it('returns {project}', async () => {
    const { project } = await api.data('projects.get_by_id', { project: idOf('cats') });
    expect(project).toMatchObject({ id: idOf('cats'), name: 'cats', basename: 'cats' });
  });

  it('when the project does not exist, then 400/401', async () => {
    const res = await api.authed('projects.get_by_id', { project: 'nope' });
    expect(res.status).toBe(400);
    expect(res.json.meta).toMatchObject({ result_code: 400, result_subcode: 401 });
  });

  it('when project is missing, then 400/11', async () => {
    const res = await api.authed('projects.get_by_id', {});
    expect(res.json.meta).toMatchObject({ result_code: 400, result_subcode: 11 });
  });
});

describe('projects.create', () => {
  it('creates missing parents and returns {id}', async () => {
    const res = await api.data('projects.create', {
      name: 'Robotics/Grasping/Sim2Real',
      description: 'fake',
      tags: ['t1'],
    });
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);
    const got = await api.data('projects.get_by_id', { project: res.id });
    expect(got.project).toMatchObject({
      name: 'Robotics/Grasping/Sim2Real',
      basename: 'Sim2Real',
      description: 'fake',
      tags: ['t1'],
    });
    const parents = await api.data('projects.get_all', { name: '^Robotics' });
    expect(names(parents.projects)).toEqual([
      'Robotics',
      'Robotics/Grasping',
      'Robotics/Grasping/Sim2Real',
    ]);
  });

  it('when the name exists, then 400/801', async () => {
    const res = await api.authed('projects.create', { name: 'cats' });
    expect(res.status).toBe(400);
    expect(res.json.meta.result_subcode).toBe(801);
    expect(res.json.meta.result_msg).toBe('Project with the same name already exists: name=cats');
  });

  it('when the basename is shorter than 3 characters or a path part is empty, then 400/12', async () => {
    for (const name of ['ab', 'Vision/xy', 'Vision//Thing']) {
      const res = await api.authed('projects.create', { name });
      expect(res.status).toBe(400);
      expect(res.json.meta.result_subcode).toBe(12);
    }
  });

  it('when name is missing, then 400/11', async () => {
    const res = await api.authed('projects.create', { description: 'no name' });
    expect(res.json.meta).toMatchObject({ result_code: 400, result_subcode: 11 });
  });
});
