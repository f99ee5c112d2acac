import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UpstreamTimeoutError } from '../errors/index.js';
import { ctxFor, rejection, startHarness, WEB_HOST, type Harness } from './testHarness.js';
import type { TaskCreate } from './types.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => {
  h.emulator.clearFaults();
  h.emulator.resetCalls();
});

const tasksWithKey = (key: string) =>
  h.emulator.store.allTasks().filter((t) => t.system_tags.includes(`idempotency:${key}`));

const body = (name: string): TaskCreate => ({
  name,
  type: 'training',
  create_project: false,
  comment: 'Labels from CVAT task 42',
  tags: ['cvat'],
  hyperparameters: { Args: { epochs: '50', lr: '0.01' } },
  configuration: { OmegaConf: { value: 'epochs: 50\n', type: 'yaml' } },
  script: {
    repository: 'https://git.example.com/vision/detector.git',
    branch: 'main',
    entry_point: 'train.py',
    working_dir: '.',
    requirements: 'torch==2.4.0\n',
  },
  container: { image: 'pytorch/pytorch:2.4.0' },
  cvat_link: { task_id: 42, job_id: 7, project_id: 3, url: 'http://localhost:8080/tasks/42' },
});

describe('createTask', () => {
  it('creates a draft task with everything asked for and returns it in full', async () => {
    const { task, replayed } = await h.service.createTask('cats', body('train one'), {}, ctxFor());
    expect(replayed).toBe(false);
    expect(task).toMatchObject({
      name: 'train one',
      type: 'training',
      status: 'created',
      project_name: 'cats',
      comment: 'Labels from CVAT task 42',
      archived: false,
      script: { branch: 'main', entry_point: 'train.py', requirements: 'torch==2.4.0\n' },
      container: { image: 'pytorch/pytorch:2.4.0' },
      cvat_link: { task_id: 42, job_id: 7, project_id: 3, url: 'http://localhost:8080/tasks/42' },
      web_url: `${WEB_HOST}/projects/${task.project_id}/experiments/${task.id}/output/log`,
    });
    expect(task.tags).toEqual(expect.arrayContaining(['cvat', 'cvat-task:42']));
    expect(task.hyperparameters.Args?.epochs?.value).toBe('50');
    expect(task.configuration.OmegaConf?.value).toBe('epochs: 50\n');
    // And it is findable as linked to that CVAT task.
    const linked = await h.service.listTasks('cats', { cvat_task_id: 42 }, ctxFor());
    expect(linked.items.map((t) => t.id)).toContain(task.id);
  });

  it('when the project is missing, then NotFoundError; with create_project it is made', async () => {
    const missing = await rejection(
      h.service.createTask('Fresh/Nested Project', body('x'), {}, ctxFor()),
    );
    expect(missing).toBeInstanceOf(NotFoundError);
    const { task } = await h.service.createTask(
      'Fresh/Nested Project',
      { ...body('first in new project'), create_project: true },
      {},
      ctxFor(),
    );
    expect(task.project_name).toBe('Fresh/Nested Project');
    const project = await h.service.getProject('Fresh/Nested Project', ctxFor());
    expect(project.parent_name).toBe('Fresh');
  });

  it('when a cached list exists, then a create in that project shows up in the next list', async () => {
    const before = await h.service.listTasks('a.b', { page_size: 500 }, ctxFor());
    const { task } = await h.service.createTask('a.b', body('appears at once'), {}, ctxFor());
    const after = await h.service.listTasks('a.b', { page_size: 500 }, ctxFor());
    expect(after.items.length).toBe(before.items.length + 1);
    expect(after.items.map((t) => t.id)).toContain(task.id);
  });
});

describe('idempotent create', () => {
  it('when the same key comes again, then the first task is returned, marked replayed', async () => {
    const first = await h.service.createTask(
      'cats',
      body('once'),
      { idempotencyKey: 'key-same-1' },
      ctxFor(),
    );
    const again = await h.service.createTask(
      'cats',
      body('once'),
      { idempotencyKey: 'key-same-1' },
      ctxFor(),
    );
    expect(again.replayed).toBe(true);
    expect(again.task.id).toBe(first.task.id);
    expect(tasksWithKey('key-same-1')).toHaveLength(1);
  });

  it('when the same key comes with a different body, then ConflictError', async () => {
    await h.service.createTask('cats', body('one'), { idempotencyKey: 'key-conflict' }, ctxFor());
    const err = await rejection(
      h.service.createTask('cats', body('two'), { idempotencyKey: 'key-conflict' }, ctxFor()),
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(tasksWithKey('key-conflict')).toHaveLength(1);
  });

  it('when the same key is sent concurrently, then exactly one task is created', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.service.createTask('cats', body('race'), { idempotencyKey: 'key-race-01' }, ctxFor()),
      ),
    );
    expect(new Set(results.map((r) => r.task.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(tasksWithKey('key-race-01')).toHaveLength(1);
  });

  it('when ClearML commits but the answer is lost, then the key finds the task: one task, also after a restart', async () => {
    const service = h.newService({ timeoutMs: 400 });
    h.emulator.setFaults({ commitThenTimeoutMs: 1500 });
    const first = await service.createTask(
      'cats',
      body('lost answer'),
      { idempotencyKey: 'key-lost-1' },
      ctxFor(),
    );
    expect(first.replayed).toBe(false);
    expect(h.emulator.calls()['tasks.create']).toBe(1); // looked up, not created again
    expect(tasksWithKey('key-lost-1')).toHaveLength(1);

    // The client retries with the same key on a restarted proxy (nothing shared in memory).
    const restarted = h.newService({ timeoutMs: 400 });
    const retry = await restarted.createTask(
      'cats',
      body('lost answer'),
      { idempotencyKey: 'key-lost-1' },
      ctxFor(),
    );
    expect(retry.replayed).toBe(true);
    expect(retry.task.id).toBe(first.task.id);
    expect(tasksWithKey('key-lost-1')).toHaveLength(1);
  });

  it('when a create without a key times out, then UpstreamTimeoutError and no blind retry', async () => {
    const service = h.newService({ timeoutMs: 400 });
    h.emulator.setFaults({ commitThenTimeoutMs: 1500 });
    const err = await rejection(service.createTask('cats', body('no key'), {}, ctxFor()));
    expect(err).toBeInstanceOf(UpstreamTimeoutError);
    expect(h.emulator.calls()['tasks.create']).toBe(1);
  });
});
