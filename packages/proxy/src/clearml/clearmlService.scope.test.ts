import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors/index.js';
import { ctxFor, rejection, startHarness, type Harness } from './testHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const vision = () => ctxFor(['Vision/*']);

describe('project scope (CLEARML_PROJECTS)', () => {
  it('lists only the allowed projects, paged exactly', async () => {
    const all = await h.service.listProjects({ page_size: 500 }, vision());
    expect(all.items.length).toBeGreaterThan(1);
    expect(all.items.every((p) => p.name === 'Vision' || p.name.startsWith('Vision/'))).toBe(true);
    const paged: string[] = [];
    for (let page = 1; page < 50; page++) {
      const res = await h.service.listProjects({ page, page_size: 2 }, vision());
      paged.push(...res.items.map((p) => p.name));
      expect(res.has_more).toBe(paged.length < all.items.length);
      if (!res.has_more) break;
    }
    expect(paged).toEqual(all.items.map((p) => p.name));
  });

  it('answers NotFoundError for everything about a project outside the scope', async () => {
    const cats = await h.service.listTasks('cats', {}, ctxFor());
    const catsTask = cats.items[0]!;
    const errors = await Promise.all([
      rejection(h.service.getProject('cats', vision())),
      rejection(h.service.listTasks('cats', {}, vision())),
      rejection(h.service.getTask('cats', catsTask.id, vision())),
      rejection(
        h.service.createTask(
          'cats',
          { name: 'nope', type: 'training', create_project: false },
          {},
          vision(),
        ),
      ),
      rejection(h.service.listModels({ project: 'cats' }, vision())),
      rejection(h.service.listProjects({ parent: 'cats' }, vision())),
    ]);
    for (const err of errors) {
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err.message).toBe('Project not found: cats');
    }
  });

  it('answers NotFoundError for a task asked for under another project', async () => {
    const cats = await h.service.listTasks('cats', {}, ctxFor());
    const err = await rejection(h.service.getTask('cats_v2', cats.items[0]!.id, ctxFor()));
    expect(err).toBeInstanceOf(NotFoundError);
    const ok = await h.service.getTask('cats', cats.items[0]!.id, ctxFor());
    expect(ok.id).toBe(cats.items[0]!.id);
  });

  it('keeps models of other projects invisible, in lists and by id', async () => {
    const all = await h.service.listModels({ page_size: 500 }, ctxFor());
    const scoped = await h.service.listModels({ page_size: 500 }, vision());
    expect(scoped.items.length).toBeGreaterThan(0);
    expect(scoped.items.length).toBeLessThan(all.items.length);
    expect(scoped.items.every((m) => m.project_name?.startsWith('Vision'))).toBe(true);
    const outside = all.items.find((m) => !m.project_name?.startsWith('Vision'))!;
    expect(await rejection(h.service.getModel(outside.id, vision()))).toBeInstanceOf(NotFoundError);
    expect((await h.service.getModel(outside.id, ctxFor())).id).toBe(outside.id);
  });

  it('with sub-projects, lists only the tasks of allowed sub-projects', async () => {
    const onlyVision = ctxFor(['Vision']);
    const tree = await h.service.listTasks(
      'Vision',
      { include_subprojects: true, page_size: 500 },
      onlyVision,
    );
    expect(tree.items.length).toBeGreaterThan(0);
    expect(tree.items.every((t) => t.project_name === 'Vision')).toBe(true);
  });
});

describe('models', () => {
  it('filters by framework and published state and links each model', async () => {
    const frameworks = await h.service.listFrameworks(ctxFor());
    expect(frameworks.length).toBeGreaterThan(1);
    const fw = frameworks[0]!;
    const res = await h.service.listModels(
      { framework: [fw], published: true, page_size: 500 },
      ctxFor(),
    );
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((m) => m.framework === fw && m.published)).toBe(true);
    expect(res.items.every((m) => m.web_url?.includes(`/models/${m.id}`))).toBe(true);
    const details = await h.service.getModel(res.items[0]!.id, ctxFor());
    expect(details).toHaveProperty('metadata');
    expect(details.id).toBe(res.items[0]!.id);
  });

  it('answers NotFoundError for an unknown model id', async () => {
    expect(await rejection(h.service.getModel('no-such-model', ctxFor()))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
