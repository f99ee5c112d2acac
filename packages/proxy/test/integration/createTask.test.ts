// Task creation over HTTP: 201 with Location, Idempotency-Key replays the first task, an audit
// line per create, a missing project is 404 unless the body asks to create it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeaks } from './helpers/expectNoLeaks.js';
import { startStack, type Stack } from './helpers/startStack.js';

type TaskDetails = { id: string; name: string; project_name: string; type: string; tags: string[] };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  if (!stack) return;
  await stack.stop();
  expectNoLeaks(stack);
});

const post = (project: string, body: unknown, key?: string) =>
  stack.op('createProjectTask', `/projects/${encodeURIComponent(project)}/tasks/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });

function tasksNamed(name: string) {
  return stack.emulator.store.allTasks().filter((t) => t.name === name);
}

describe('POST /projects/{name}/tasks/create', () => {
  it('creates a task: 201, Location to read it back, not replayed, one audit line', async () => {
    const name = `train ${randomUUID()}`;
    const answer = await post(
      'Vision/Detection',
      {
        name,
        comment: 'from the integration test',
        tags: ['cvat'],
        hyperparameters: { Args: { epochs: '3' } },
        script: { repository: 'https://git.example.test/x.git', entry_point: 'train.py' },
        container: { image: 'python:3.12' },
      },
      randomUUID(),
    );
    expect(answer.status).toBe(201);
    expect(answer.headers.get('idempotent-replayed')).toBe('false');
    const task = answer.body as TaskDetails;
    expect(task).toMatchObject({ name, project_name: 'Vision/Detection', type: 'training' });
    const location = answer.headers.get('location')!;
    expect(location).toBe(`/projects/Vision%2FDetection/tasks/${task.id}`);
    const again = await stack.op('getProjectTask', location);
    expect(again.body).toMatchObject({ id: task.id, name });
    expect(tasksNamed(name)).toHaveLength(1);

    const audit = stack.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.audit);
    expect(audit.pop()).toMatchObject({ audit: 'task.create', task_id: task.id, replayed: false });
  });

  it('a repeat with the same Idempotency-Key returns the first task and creates nothing', async () => {
    const key = randomUUID();
    const body = { name: `once ${key}`, type: 'testing' };
    const first = await post('cats', body, key);
    const second = await post('cats', body, key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((second.body as TaskDetails).id).toBe((first.body as TaskDetails).id);
    expect(tasksNamed(body.name)).toHaveLength(1);
  });

  it('the same key with a different body → 422 idempotency-key-reused', async () => {
    const key = randomUUID();
    await post('cats', { name: `first ${key}` }, key);
    const answer = await post('cats', { name: `other ${key}` }, key);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ type: 'urn:cvat-clearml:problem:idempotency-key-reused' });
  });

  it('without a key every submission is a new task', async () => {
    const name = `twice ${randomUUID()}`;
    await post('cats', { name });
    await post('cats', { name });
    expect(tasksNamed(name)).toHaveLength(2);
  });

  it('a missing project is 404, unless create_project asks for it (with its parents)', async () => {
    const project = `New ${randomUUID().slice(0, 8)}/Sub`;
    const missing = await post(project, { name: 'x' });
    expect(missing.status).toBe(404);
    const created = await post(project, { name: 'x', create_project: true });
    expect(created.status).toBe(201);
    expect((created.body as TaskDetails).project_name).toBe(project);
    const listed = await stack.op(
      'listProjectTasks',
      `/projects/${encodeURIComponent(project)}/tasks`,
    );
    expect((listed.body as { items: TaskDetails[] }).items.map((t) => t.name)).toEqual(['x']);
  });
});
