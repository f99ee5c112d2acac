// Bad parameters, bodies, encodings and routes: always application/problem+json naming the
// field, checked against the contract, never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeaks } from './helpers/expectNoLeaks.js';
import { startStack, type Answer, type Stack } from './helpers/startStack.js';

type Problem = {
  type: string;
  status: number;
  detail: string;
  errors?: { in: string; name: string }[];
};

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // One good call, so the proxy holds a ClearML token the leak check can look for.
  expect((await stack.call('/projects?page_size=1')).status).toBe(200);
});
afterAll(async () => {
  if (!stack) return;
  await stack.stop();
  // Not one of all the answers this file produced was a server error.
  expect(stack.answers.filter((a) => a.status >= 500).map((a) => a.text)).toEqual([]);
  expectNoLeaks(stack);
});

function expectProblem(answer: Answer, status: number, field?: { in: string; name: string }) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = answer.body as Problem;
  expect(problem.status).toBe(status);
  if (field) expect(problem.errors).toContainEqual(expect.objectContaining(field));
}

const create = (body: string, headers: Record<string, string> = {}) =>
  stack.op('createProjectTask', '/projects/cats/tasks/create', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('bad query parameters', () => {
  it.each([
    ['/projects?page_size=0', 'page_size'],
    ['/projects?page_size=501', 'page_size'],
    ['/projects?page_size=abc', 'page_size'],
    ['/projects?page=0', 'page'],
    ['/projects?page=1&page=2', 'page'],
    ['/projects?sort=bogus', 'sort'],
    ['/projects?include_stats=maybe', 'include_stats'],
    ['/projects?search=', 'search'],
    [`/projects?search=${'x'.repeat(257)}`, 'search'],
    ['/projects?color=red', 'color'],
    ['/projects?a[b]=1', 'a[b]'],
    ['/projects?__proto__=1', '__proto__'],
    ['/projects?constructor=x', 'constructor'],
  ])('%s → 400 naming %s', async (path, name) => {
    expectProblem(await stack.op('listProjects', path), 400, { in: 'query', name });
  });

  it.each([
    ['status=bogus', 'status[0]'],
    [Array.from({ length: 11 }, () => 'status=failed').join('&'), 'status'],
    ['type=training&type=nope', 'type[1]'],
    ['cvat_task_id=0', 'cvat_task_id'],
    ['page_size=12.5', 'page_size'],
  ])('tasks ?%s → 400 naming %s', async (query, name) => {
    const answer = await stack.op('listProjectTasks', `/projects/cats/tasks?${query}`);
    expectProblem(answer, 400, { in: 'query', name });
  });

  it('several problems are all named at once, with a detail that lists them', async () => {
    const answer = await stack.op('listModels', '/models?page_size=0&published=perhaps&x=1');
    expectProblem(answer, 400);
    const names = (answer.body as Problem).errors!.map((e) => e.name).sort();
    expect(names).toEqual(['page_size', 'published', 'x']);
    expect((answer.body as Problem).detail).toContain('page_size:');
  });
});

describe('bad path parameters', () => {
  it('a task id with characters ClearML never issues → 400 naming task_id', async () => {
    const answer = await stack.op('getProjectTask', '/projects/cats/tasks/bad%24id');
    expectProblem(answer, 400, { in: 'path', name: 'task_id' });
  });

  it('an overlong project name → 400 naming project_name', async () => {
    const answer = await stack.op('getProject', `/projects/${'p'.repeat(1025)}`);
    expectProblem(answer, 400, { in: 'path', name: 'project_name' });
  });

  it('broken percent-encoding → 400, not a crash', async () => {
    expectProblem(await stack.call('/projects/%E0%A4%A/tasks'), 400, { in: 'path', name: 'path' });
  });
});

describe('bad bodies', () => {
  it.each([
    ['{}', 'name'],
    ['{"name":""}', 'name'],
    ['{"name":"   "}', 'name'],
    [`{"name":"${'n'.repeat(256)}"}`, 'name'],
    ['{"name":"x","type":"nope"}', 'type'],
    ['{"name":"x","color":"red"}', 'color'],
    ['{"name":"x","script":{"branch":5}}', 'script.branch'],
    ['{"name":"x","script":{"shell":"rm -rf /"}}', 'script.shell'],
    ['{"name":"x","hyperparameters":{"Args":{"lr":0.1}}}', 'hyperparameters.Args.lr'],
    ['{"name":"x","tags":["a","a"]}', 'tags'],
    ['{"name":"x","cvat_link":{"task_id":0}}', 'cvat_link.task_id'],
    ['{"name":"x","create_project":"yes"}', 'create_project'],
    ['["name"]', 'body'],
    ['{"name":"x","__proto__":{"admin":true}}', '__proto__'],
  ])('%s → 400 naming %s', async (body, name) => {
    expectProblem(await create(body), 400, { in: 'body', name });
  });

  it('a body that is not JSON → 400', async () => {
    expectProblem(await create('{"name": '), 400);
  });

  it('no body → 400 naming the body', async () => {
    const answer = await stack.op('createProjectTask', '/projects/cats/tasks/create', {
      method: 'POST',
    });
    expectProblem(answer, 400, { in: 'body', name: 'body' });
  });

  it('a body that is not JSON by its content type → 415', async () => {
    const answer = await stack.op('createProjectTask', '/projects/cats/tasks/create', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"x"}',
    });
    expectProblem(answer, 415);
  });

  it('a body over 64 KiB → 413; just under the limit it is read (and then validated)', async () => {
    const big = JSON.stringify({ name: 'x', comment: 'c'.repeat(64 * 1024) });
    const answer = await create(big);
    expectProblem(answer, 413);
    expect((answer.body as Problem).type).toBe('urn:cvat-clearml:problem:payload-too-large');
    const under = JSON.stringify({ name: 'x', comment: 'c'.repeat(60 * 1024) });
    expectProblem(await create(under), 400, { in: 'body', name: 'comment' });
  });

  it('an Idempotency-Key of the wrong shape → 400 naming the header', async () => {
    const answer = await create('{"name":"x"}', { 'Idempotency-Key': 'short' });
    expectProblem(answer, 400, { in: 'header', name: 'Idempotency-Key' });
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/nope'],
    ['POST', '/projects'],
    ['DELETE', '/projects/cats'],
    ['POST', '/projects/cats/tasks/abc'],
    ['GET', '/projects/cats/tasks/abc/extra'],
  ])('%s %s → 404 problem', async (method, path) => {
    expectProblem(await stack.call(path, { method }), 404);
  });
});
