import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TASK_STATUSES, TASK_TYPES } from './endpoints/listSpec.js';
import { startEmulator } from './startEmulator.js';
import { apiClient } from './test/apiClient.js';
import type { RunningEmulator } from './types.js';

const started: RunningEmulator[] = [];
const start = async (opts: Parameters<typeof startEmulator>[0] = {}) => {
  const emu = await startEmulator({ quiet: true, ...opts });
  started.push(emu);
  return emu;
};
afterAll(() => Promise.all(started.map((e) => e.stop())));

const fingerprint = (emu: RunningEmulator) => JSON.stringify(emu.store.snapshot());
const ISO_DATES = /\d{4}-\d\d-\d\dT[\d:.]+Z/g;
/** Every date of the stored data, in store order, as epoch ms. */
const datesOf = (emu: RunningEmulator) => fingerprint(emu).match(ISO_DATES)!.map(Date.parse);

describe('sample data', () => {
  it('is the same for the same seed and different for another seed', async () => {
    const [a, b, c] = await Promise.all([start(), start(), start({ seed: 7 })]);
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });

  it('covers every status and type, several users and frameworks, archived items and a 1,200-task project', async () => {
    const emu = await start();
    const tasks = [...emu.store.tasks.values()];
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(TASK_STATUSES));
    expect(new Set(tasks.map((t) => t.type))).toEqual(new Set(TASK_TYPES));
    expect(new Set(tasks.map((t) => t.user)).size).toBeGreaterThanOrEqual(4);
    expect(tasks.some((t) => t.system_tags.includes('archived'))).toBe(true);
    expect(tasks.length).toBeGreaterThan(1300);
    expect(emu.store.tasksInProject(emu.store.getProjectByName('Big Project')!.id)).toHaveLength(
      1200,
    );
    const models = [...emu.store.models.values()];
    expect(new Set(models.map((m) => m.framework)).size).toBeGreaterThanOrEqual(5);
    expect(models.some((m) => m.ready) && models.some((m) => !m.ready)).toBe(true);
    const full = emu.store.tasksInProject(
      emu.store.getProjectByName('Vision/Segmentation')!.id,
    )[0]!;
    expect(full).toHaveProperty('script.repository');
    expect(full).toHaveProperty('hyperparams.Args.lr.value');
    expect(full).toHaveProperty('configuration.OmegaConf.value');
    expect(full).toHaveProperty('container.image');
  });

  it('uses a fixed base date, not the current time', async () => {
    const emu = await start({ now: () => Date.parse('2040-01-01T00:00:00Z') });
    const latest = [...emu.store.tasks.values()]
      .map((t) => t.created)
      .sort()
      .pop()!;
    expect(latest < '2025-07-01').toBe(true);
  });

  it('with datesEndAt, moves every date by one amount: the latest lands there, gaps and order stay', async () => {
    const end = Date.parse('2026-11-27T12:00:00.000Z');
    const [fixed, moved] = await Promise.all([start(), start({ datesEndAt: end })]);
    const before = datesOf(fixed);
    const after = datesOf(moved);
    expect(after).toHaveLength(before.length);
    expect(before.length).toBeGreaterThan(5000);
    expect(Math.max(...after)).toBe(end);
    const delta = end - Math.max(...before);
    expect(delta).toBeGreaterThan(0);
    expect(after.every((ms, i) => ms - before[i]! === delta)).toBe(true);
    // Everything else is as seeded: only the dates differ.
    const undated = (emu: RunningEmulator) => fingerprint(emu).replace(ISO_DATES, 'D');
    expect(undated(moved)).toBe(undated(fixed));
  });

  it('with datesEndAt, lists sort by date as the fixed data does, and reset shifts again', async () => {
    const end = Date.parse('2026-11-27T12:00:00.000Z');
    const [emu, fixed] = await Promise.all([start({ datesEndAt: end }), start()]);
    const latestOfFixed = Math.max(...datesOf(fixed));
    const order = async (e: RunningEmulator) => {
      const data = await apiClient(e).data('tasks.get_all_ex', {
        order_by: ['-last_update'],
        only_fields: ['id', 'last_update'],
        page: 0,
        page_size: 50,
      });
      return data.tasks as { id: string; last_update: string }[];
    };
    const moved = await order(emu);
    const asSeeded = await order(fixed);
    expect(moved.map((t) => t.id)).toEqual(asSeeded.map((t) => t.id));
    const shiftOf = (a: string, b: string) => Date.parse(a) - Date.parse(b);
    expect(shiftOf(moved[0]!.last_update, asSeeded[0]!.last_update)).toBe(end - latestOfFixed);
    emu.reset();
    expect((await order(emu))[0]!.last_update).toBe(moved[0]!.last_update);
  });

  it('can start empty', async () => {
    const emu = await start({ sampleData: false });
    expect(emu.store.counts()).toEqual({ projects: 0, tasks: 0, models: 0 });
  });
});

describe('generated data and seeding', () => {
  it('spreads generated tasks and models over generated projects', async () => {
    const emu = await start({ sampleData: false, projects: 4, tasks: 100, models: 20 });
    const generated = [...emu.store.projects.values()].filter((p) =>
      p.name.startsWith('Generated/Project'),
    );
    expect(generated).toHaveLength(4);
    expect(generated.map((p) => emu.store.tasksInProject(p.id).length)).toEqual([25, 25, 25, 25]);
    expect(emu.store.counts().models).toBe(20);
  });

  it('seedMore puts tasks into the named project; reset goes back to the seeded data', async () => {
    const emu = await start();
    const before = fingerprint(emu);
    emu.seedMore({ tasks: 50, projectName: 'Load/Test Project' });
    const project = emu.store.getProjectByName('Load/Test Project')!;
    expect(emu.store.tasksInProject(project.id)).toHaveLength(50);
    const listed = await apiClient(emu).data('tasks.get_all', {
      project: [project.id],
      only_fields: ['id'],
    });
    expect(listed.tasks).toHaveLength(50);
    emu.reset();
    expect(fingerprint(emu)).toBe(before);
  });

  it('the store accepts direct additions for tests', async () => {
    const emu = await start({ sampleData: false });
    const p = emu.store.addProject({ name: 'Direct/Added' });
    const t = emu.store.addTask({ name: 'fake direct', project: p.id });
    emu.store.addModel({ name: 'fake model', project: p.id, task: t.id });
    expect(emu.store.getTask(t.id)?.status).toBe('created');
    expect(emu.store.counts()).toEqual({ projects: 2, tasks: 1, models: 1 });
    const { tasks } = await apiClient(emu).data('tasks.get_all_ex', {
      project: [p.id],
      only_fields: ['project.name'],
    });
    expect(tasks[0].project).toEqual({ id: p.id, name: 'Direct/Added' });
  });
});

describe('dataFile', () => {
  it('saves on stop and loads on the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
    try {
      const dataFile = join(dir, 'state.json');
      const first = await startEmulator({ quiet: true, dataFile });
      const { id } = await apiClient(first).data('projects.create', { name: 'Persisted Project' });
      await first.stop();
      const second = await startEmulator({ quiet: true, dataFile, seed: 999 });
      try {
        expect(second.store.getProject(id)?.name).toBe('Persisted Project');
        expect(second.store.counts().tasks).toBe(first.store.counts().tasks);
        const listed = await apiClient(second).data('projects.get_all', {
          name: '^Persisted Project$',
        });
        expect(listed.projects).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
