import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, startHarness, type Harness } from './testHarness.js';
import type { TaskSummary } from './types.js';

let h: Harness;
let bigProjectTaskCount: number;
beforeAll(async () => {
  // Cache off: every page below must come from ClearML, not from an earlier answer.
  h = await startHarness({ cacheTtlMs: 0 });
  const big = h.emulator.store.allProjects().find((p) => p.name === 'Big Project');
  bigProjectTaskCount = h.emulator.store.tasksInProject(big!.id).length;
});
afterAll(() => h.stop());

async function listAll(pageSize: number, sort?: 'name' | '-last_update') {
  const seen: TaskSummary[] = [];
  const hasMore: boolean[] = [];
  for (let page = 1; page <= 2000; page++) {
    const res = await h.service.listTasks(
      'Big Project',
      { page, page_size: pageSize, include_archived: true, ...(sort ? { sort } : {}) },
      ctxFor(),
    );
    expect(res.page).toBe(page);
    expect(res.page_size).toBe(pageSize);
    seen.push(...res.items);
    hasMore.push(res.has_more);
    if (!res.has_more) break;
    expect(res.items).toHaveLength(pageSize);
  }
  return { seen, hasMore };
}

describe('paging hides ClearML 500-row cap', () => {
  it('the sample Big Project really is bigger than one ClearML page', () => {
    expect(bigProjectTaskCount).toBeGreaterThan(1000);
  });

  it.each([7, 50, 499, 500])(
    'when paging 1,200 tasks %i at a time, then every task comes exactly once and has_more is exact',
    async (pageSize) => {
      const { seen, hasMore } = await listAll(pageSize);
      const ids = seen.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(bigProjectTaskCount);
      expect(hasMore.filter((m) => !m)).toHaveLength(1);
      expect(hasMore).toHaveLength(Math.ceil(bigProjectTaskCount / pageSize));
    },
  );

  it('when the last page is exactly full, then it says has_more: false (no empty extra page)', async () => {
    // 1,200 = 3 × 400 = 24 × 50: the last page is exactly full.
    const pageSize = bigProjectTaskCount % 400 === 0 ? 400 : bigProjectTaskCount;
    const last = await h.service.listTasks(
      'Big Project',
      { page: bigProjectTaskCount / pageSize, page_size: pageSize, include_archived: true },
      ctxFor(),
    );
    expect(last.items).toHaveLength(pageSize);
    expect(last.has_more).toBe(false);
  });

  it('when paging past the end, then the page is empty and has_more is false', async () => {
    const res = await h.service.listTasks('Big Project', { page: 1000, page_size: 50 }, ctxFor());
    expect(res).toMatchObject({ items: [], has_more: false });
  });

  it('when sorted by name, then pages follow one stable order', async () => {
    const { seen } = await listAll(499, 'name');
    const names = seen.map((t) => t.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(seen.map((t) => t.id)).size).toBe(bigProjectTaskCount);
  });
});

describe('task filters', () => {
  it('when filtering by several statuses, then only those statuses come back', async () => {
    const res = await h.service.listTasks(
      'Big Project',
      { status: ['completed', 'failed'], page_size: 500 },
      ctxFor(),
    );
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((t) => t.status === 'completed' || t.status === 'failed')).toBe(true);
  });

  it('when searching, then the match is literal and ignores case', async () => {
    const all = await h.service.listTasks('cats', { page_size: 500 }, ctxFor());
    const sample = all.items[0]!;
    const word = sample.name.slice(0, Math.min(6, sample.name.length));
    const res = await h.service.listTasks(
      'cats',
      { search: word.toUpperCase(), page_size: 500 },
      ctxFor(),
    );
    expect(res.items.map((t) => t.id)).toContain(sample.id);
    expect(res.items.every((t) => t.name.toLowerCase().includes(word.toLowerCase()) || t.id)).toBe(
      true,
    );
    const dot = await h.service.listTasks('cats', { search: '.*', page_size: 500 }, ctxFor());
    expect(dot.items).toHaveLength(0);
  });

  it('when a task is archived, then it is hidden unless include_archived', async () => {
    const project = h.emulator.store.allProjects().find((p) => p.name === 'a.b')!;
    const task = h.emulator.store.addTask({
      name: 'archived one',
      project: project.id,
      type: 'training',
      status: 'completed',
      system_tags: ['archived'],
    } as never);
    const hidden = await h.service.listTasks('a.b', { page_size: 500 }, ctxFor());
    expect(hidden.items.map((t) => t.id)).not.toContain(task.id);
    const shown = await h.service.listTasks(
      'a.b',
      { page_size: 500, include_archived: true },
      ctxFor(),
    );
    expect(shown.items.find((t) => t.id === task.id)?.archived).toBe(true);
  });

  it('when asking for sub-projects too, then their tasks are included', async () => {
    const own = await h.service.listTasks('Vision', { page_size: 500 }, ctxFor());
    const tree = await h.service.listTasks(
      'Vision',
      { page_size: 500, include_subprojects: true },
      ctxFor(),
    );
    expect(tree.items.length).toBeGreaterThan(own.items.length);
    expect(tree.items.some((t) => t.project_name === 'Vision/Detection')).toBe(true);
    expect(tree.items.every((t) => t.project_name?.startsWith('Vision'))).toBe(true);
  });
});

describe('projects', () => {
  it('when listing with parent, then only direct children come back, with has_children', async () => {
    const top = await h.service.listProjects({ parent: '', page_size: 500 }, ctxFor());
    expect(top.items.every((p) => !p.name.includes('/'))).toBe(true);
    expect(top.items.find((p) => p.name === 'Vision')?.has_children).toBe(true);
    expect(top.items.find((p) => p.name === 'cats')?.has_children).toBe(false);
    const vision = await h.service.listProjects({ parent: 'Vision', page_size: 500 }, ctxFor());
    expect(vision.items.map((p) => p.name)).toContain('Vision/Detection');
    expect(vision.items.every((p) => p.parent_name === 'Vision')).toBe(true);
  });

  it('when paging projects 3 at a time, then all come once with exact has_more', async () => {
    const whole = await h.service.listProjects({ page_size: 500 }, ctxFor());
    const names: string[] = [];
    for (let page = 1; page < 100; page++) {
      const res = await h.service.listProjects({ page, page_size: 3 }, ctxFor());
      names.push(...res.items.map((p) => p.name));
      if (!res.has_more) break;
    }
    expect(names).toEqual(whole.items.map((p) => p.name));
  });

  it('when include_stats, then the total counts every non-archived task', async () => {
    const res = await h.service.listProjects(
      { search: 'big project', include_stats: true },
      ctxFor(),
    );
    const big = res.items.find((p) => p.name === 'Big Project')!;
    const sum = Object.values(big.stats!.by_status).reduce((a, b) => a + b, 0);
    const active = h.emulator.store
      .tasksInProject(big.id)
      .filter((t) => !t.system_tags.includes('archived'));
    expect(big.stats!.total).toBe(active.length);
    // ClearML's status_count has no `publishing` bucket, so the buckets may sum to less.
    expect(sum).toBeLessThanOrEqual(big.stats!.total);
    expect(big.stats!.by_status.completed).toBe(
      active.filter((t) => t.status === 'completed').length,
    );
  });
});
