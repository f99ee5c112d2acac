import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors/index.js';
import { ctxFor, rejection, startHarness, WEB_HOST, type Harness } from './testHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('project names are matched literally, never as regular expressions', () => {
  it('lists the tasks of `cats` without any of `cats_v2`', async () => {
    const cats = await h.service.listTasks('cats', { page_size: 500 }, ctxFor());
    const catsV2 = await h.service.listTasks('cats_v2', { page_size: 500 }, ctxFor());
    expect(cats.items.length).toBeGreaterThan(0);
    expect(catsV2.items.length).toBeGreaterThan(0);
    expect(new Set(cats.items.map((t) => t.project_name))).toEqual(new Set(['cats']));
    expect(new Set(catsV2.items.map((t) => t.project_name))).toEqual(new Set(['cats_v2']));
    const ids = new Set(cats.items.map((t) => t.id));
    expect(catsV2.items.some((t) => ids.has(t.id))).toBe(false);
  });

  it.each(['a.b', '(x) y'])('finds the project literally named %s', async (name) => {
    const project = await h.service.getProject(name, ctxFor());
    expect(project.name).toBe(name);
    const tasks = await h.service.listTasks(name, {}, ctxFor());
    expect(tasks.items.every((t) => t.project_name === name)).toBe(true);
  });

  it('answers NotFoundError for a name that only matches as a pattern', async () => {
    const err = await rejection(h.service.listTasks('a.', {}, ctxFor()));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('Project not found: a.');
    expect(await rejection(h.service.getProject('.*', ctxFor()))).toBeInstanceOf(NotFoundError);
    expect(await rejection(h.service.getProject('cat', ctxFor()))).toBeInstanceOf(NotFoundError);
  });

  it('addresses sub-projects by full path and links them into the web UI', async () => {
    const project = await h.service.getProject('Vision/Detection', ctxFor());
    expect(project).toMatchObject({
      name: 'Vision/Detection',
      basename: 'Detection',
      parent_name: 'Vision',
      has_children: true,
      web_url: `${WEB_HOST}/projects/${project.id}/experiments`,
    });
    expect(project.stats?.total).toBeGreaterThanOrEqual(0);
  });

  it('keeps hidden projects out of lists and out of reach by name', async () => {
    const all = await h.service.listProjects({ page_size: 500 }, ctxFor());
    expect(all.items.some((p) => p.name.includes('.datasets'))).toBe(false);
    const err = await rejection(h.service.getProject('Vision/.datasets', ctxFor()));
    expect(err).toBeInstanceOf(NotFoundError);
  });
});
