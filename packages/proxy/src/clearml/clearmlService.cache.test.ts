import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ctxFor, startHarness, type Harness } from './testHarness.js';

let h: Harness;
let clockOffset = 0;
const now = () => Date.now() + clockOffset;
beforeAll(async () => {
  h = await startHarness({ now, cacheTtlMs: 3000 });
  await h.service.listProjects({ page_size: 1 }, ctxFor()); // logged in; names resolve below
});
afterAll(() => h.stop());
beforeEach(() => h.emulator.resetCalls());

const taskCalls = () => h.emulator.calls()['tasks.get_all_ex'] ?? 0;

describe('coalescing and caching of reads', () => {
  it('when N identical reads arrive together, then ClearML is asked once', async () => {
    // One list costs a page call and a has_more probe: measure it alone first.
    await h.service.listTasks('cats_v2', { page_size: 2, sort: 'name' }, ctxFor());
    const single = taskCalls();
    expect(single).toBeGreaterThan(0);
    h.emulator.resetCalls();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.service.listTasks('cats_v2', { page_size: 3, sort: 'name' }, ctxFor()),
      ),
    );
    expect(taskCalls()).toBe(single);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('when N identical detail reads arrive together, then exactly one upstream call is made', async () => {
    const list = await h.service.listTasks('cats', { page_size: 1 }, ctxFor());
    const id = list.items[0]!.id;
    h.emulator.resetCalls();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.service.getTask('cats', id, ctxFor())),
    );
    expect(results.every((t) => t.id === id)).toBe(true);
    expect(h.emulator.calls()).toEqual({ 'tasks.get_all_ex': 1 });
  });

  it('when the same read comes again within the TTL, then it is answered from the cache; after it, from ClearML', async () => {
    await h.service.listTasks('cats_v2', { page_size: 4 }, ctxFor());
    const first = taskCalls();
    await h.service.listTasks('cats_v2', { page_size: 4 }, ctxFor());
    expect(taskCalls()).toBe(first);
    clockOffset += 3001;
    await h.service.listTasks('cats_v2', { page_size: 4 }, ctxFor());
    expect(taskCalls()).toBe(first * 2);
  });

  it('when filters differ (even only in order of values), then only equal filters share an answer', async () => {
    await h.service.listTasks('cats', { status: ['completed', 'failed'] }, ctxFor());
    const one = taskCalls();
    await h.service.listTasks('cats', { status: ['failed', 'completed'] }, ctxFor());
    expect(taskCalls()).toBe(one);
    await h.service.listTasks('cats', { status: ['failed'] }, ctxFor());
    expect(taskCalls()).toBe(one * 2);
  });

  it('when scopes differ, then a cached answer is never shared between them', async () => {
    const wide = await h.service.listProjects({ page_size: 500 }, ctxFor(['*']));
    const narrow = await h.service.listProjects({ page_size: 500 }, ctxFor(['cats']));
    expect(wide.items.length).toBeGreaterThan(1);
    expect(narrow.items.map((p) => p.name)).toEqual(['cats']);
    const again = await h.service.listProjects({ page_size: 500 }, ctxFor(['*']));
    expect(again.items.length).toBe(wide.items.length);
  });

  it('when a task is created in a project, then its lists and the project stats are fresh', async () => {
    const before = await h.service.listTasks('(x) y', { page_size: 500 }, ctxFor());
    const statsBefore = await h.service.getProject('(x) y', ctxFor());
    const tree = await h.service.listTasks(
      'Vision',
      { include_subprojects: true, page_size: 500 },
      ctxFor(),
    );
    await h.service.createTask(
      '(x) y',
      { name: 'new one', type: 'training', create_project: false },
      {},
      ctxFor(),
    );
    const created = await h.service.createTask(
      'Vision/Detection',
      { name: 'deep one', type: 'training', create_project: false },
      {},
      ctxFor(),
    );
    const after = await h.service.listTasks('(x) y', { page_size: 500 }, ctxFor());
    const statsAfter = await h.service.getProject('(x) y', ctxFor());
    const treeAfter = await h.service.listTasks(
      'Vision',
      { include_subprojects: true, page_size: 500 },
      ctxFor(),
    );
    expect(after.items.length).toBe(before.items.length + 1);
    expect(statsAfter.stats!.total).toBe(statsBefore.stats!.total + 1);
    // An ancestor's "with sub-projects" list is refreshed too.
    expect(treeAfter.items.length).toBe(tree.items.length + 1);
    expect(treeAfter.items.map((t) => t.id)).toContain(created.task.id);
  });

  it('when a read fails, then the failure is not cached', async () => {
    h.emulator.setFaults({
      failRate: 1,
      failStatus: 500,
      failEndpoints: ['models.get_frameworks'],
    });
    await expect(h.service.listFrameworks(ctxFor())).rejects.toThrow();
    h.emulator.clearFaults();
    expect((await h.service.listFrameworks(ctxFor())).length).toBeGreaterThan(0);
  });
});
