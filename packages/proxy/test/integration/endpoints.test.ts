// Every endpoint's happy path through the real proxy and the real emulator, each answer
// checked against openapi.yaml's response schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractDoc } from './helpers/contract.js';
import { expectNoLeaks } from './helpers/expectNoLeaks.js';
import { startStack, type Stack } from './helpers/startStack.js';

type Page<T> = { items: T[]; page: number; page_size: number; has_more: boolean };
type Named = { id: string; name: string };
type Task = Named & { project_name: string; status: string; archived: boolean; web_url: string };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  if (!stack) return;
  await stack.stop();
  expectNoLeaks(stack);
});

describe('service endpoints', () => {
  it('GET / names the service, its version and mode, and where the docs are', async () => {
    const { body } = await stack.op('getWelcome', '/');
    expect(body).toEqual({
      name: 'ClearML API',
      version: '0.0.0-test',
      api_version: 'v1',
      mode: 'clearml',
      docs_url: '/docs',
      openapi_url: '/openapi.json',
      ui_url: '/ui',
    });
  });

  it('GET /health is 200 with ClearML version and round trip when ClearML is up', async () => {
    const { status, body, headers } = await stack.op('getHealth', '/health');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({
      status: 'ok',
      mode: 'clearml',
      clearml: { server_version: '2.3.0', api_version: '2.34' },
    });
  });

  it('GET /openapi.json serves the contract itself', async () => {
    const { body } = await stack.op('getOpenapi', '/openapi.json');
    expect(body).toMatchObject({ openapi: '3.1.0', paths: { '/projects': {} } });
  });

  it('GET /session describes the caller and what they may do', async () => {
    const { body } = await stack.op('getSession', '/session');
    expect(body).toEqual({
      user: null,
      auth_mode: 'none',
      can_create: true,
      read_only: false,
      mode: 'clearml',
      web_ui: true,
      project_mapping: { rule: 'same-name', default_project: null },
    });
  });
});

describe('projects', () => {
  it('GET /projects lists projects by full path, hidden ones left out, paged', async () => {
    const { body } = await stack.op('listProjects', '/projects?page_size=500');
    const page = body as Page<Named & { web_url: string }>;
    const names = page.items.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['Vision', 'Vision/Detection', 'Vision/Detection/YOLOv8', 'cats']),
    );
    expect(names).not.toContain('Vision/.datasets');
    expect(page).toMatchObject({ page: 1, page_size: 500, has_more: false });
    expect(page.items[0]!.web_url).toMatch(
      /^http:\/\/127\.0\.0\.1:8080\/projects\/\w+\/experiments$/,
    );
  });

  it('GET /projects?parent=Vision lists only its direct children, with stats on request', async () => {
    const { body } = await stack.op('listProjects', '/projects?parent=Vision&include_stats=true');
    const items = (body as Page<Named & { stats: { total: number } | null }>).items;
    expect(items.map((p) => p.name).sort()).toEqual(['Vision/Detection', 'Vision/Segmentation']);
    expect(items.every((p) => p.stats !== null && p.stats.total > 0)).toBe(true);
  });

  it('GET /projects/{name} answers one project, sub-projects addressed as A%2FB', async () => {
    const { body } = await stack.op('getProject', '/projects/Vision%2FDetection');
    expect(body).toMatchObject({
      name: 'Vision/Detection',
      basename: 'Detection',
      parent_name: 'Vision',
    });
  });

  it('GET /projects/{name} of an unknown project is a 404 problem', async () => {
    const { status, body } = await stack.op('getProject', '/projects/No%20such%20project');
    expect(status).toBe(404);
    expect(body).toMatchObject({ type: 'urn:cvat-clearml:problem:not-found', status: 404 });
  });
});

describe('tasks', () => {
  it('lists the tasks of a sub-project and only those, archived hidden', async () => {
    const { body } = await stack.op(
      'listProjectTasks',
      '/projects/Vision%2FDetection/tasks?page_size=500',
    );
    const items = (body as Page<Task>).items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((t) => t.project_name))).toEqual(new Set(['Vision/Detection']));
    expect(items.some((t) => t.archived)).toBe(false);
  });

  it('include_subprojects adds the tasks of sub-projects', async () => {
    const { body } = await stack.op(
      'listProjectTasks',
      '/projects/Vision%2FDetection/tasks?page_size=500&include_subprojects=true',
    );
    const projects = new Set((body as Page<Task>).items.map((t) => t.project_name));
    expect(projects).toEqual(new Set(['Vision/Detection', 'Vision/Detection/YOLOv8']));
  });

  it('filters by several statuses (explode) and by one status given once', async () => {
    const two = await stack.op(
      'listProjectTasks',
      '/projects/Big%20Project/tasks?status=completed&status=failed&page_size=500',
    );
    const statuses = new Set((two.body as Page<Task>).items.map((t) => t.status));
    expect([...statuses].sort()).toEqual(['completed', 'failed']);
    const one = await stack.op('listProjectTasks', '/projects/Big%20Project/tasks?status=failed');
    expect((one.body as Page<Task>).items.every((t) => t.status === 'failed')).toBe(true);
  });

  it('GET a task in full; the same id under another project is 404', async () => {
    const list = await stack.op('listProjectTasks', '/projects/cats/tasks?page_size=1');
    const task = (list.body as Page<Task>).items[0]!;
    const { body } = await stack.op('getProjectTask', `/projects/cats/tasks/${task.id}`);
    expect(body).toMatchObject({ id: task.id, project_name: 'cats', models: {} });
    expect(body).toHaveProperty('hyperparameters');
    const elsewhere = await stack.op('getProjectTask', `/projects/cats_v2/tasks/${task.id}`);
    expect(elsewhere.status).toBe(404);
  });

  it('GET …/tasks/create is a (missing) task id, not the create operation', async () => {
    const { status } = await stack.op('getProjectTask', '/projects/cats/tasks/create');
    expect(status).toBe(404);
  });
});

describe('models', () => {
  it('lists models, filters by framework and published, and answers one in full', async () => {
    const all = await stack.op('listModels', '/models?page_size=500');
    const models = (all.body as Page<Named & { framework: string; published: boolean }>).items;
    expect(models.length).toBeGreaterThan(5);
    const filtered = await stack.op('listModels', '/models?framework=PyTorch&published=true');
    const items = (filtered.body as Page<{ framework: string; published: boolean }>).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((m) => m.framework === 'PyTorch' && m.published)).toBe(true);
    const one = await stack.op('getModel', `/models/${models[0]!.id}`);
    expect(one.body).toMatchObject({ id: models[0]!.id, name: models[0]!.name });
  });

  it('lists the frameworks models use', async () => {
    const { body } = await stack.op('listModelFrameworks', '/models/frameworks');
    expect((body as { items: string[] }).items).toEqual(
      expect.arrayContaining(['PyTorch', 'ONNX']),
    );
  });

  it('an unknown model is a 404 problem', async () => {
    const { status } = await stack.op('getModel', '/models/0123456789abcdef0123456789abcdef');
    expect(status).toBe(404);
  });
});

describe('the contract and the routes', () => {
  it('every operation in openapi.yaml has a route (no "No route for" answer)', async () => {
    const operations: string[] = [];
    for (const [path, item] of Object.entries(contractDoc.paths)) {
      for (const method of Object.keys(item).filter((m) => ['get', 'post'].includes(m))) {
        const url = path
          .replace('{project_name}', 'cats')
          .replace('{task_id}', '0123456789abcdef0123456789abcdef')
          .replace('{model_id}', '0123456789abcdef0123456789abcdef');
        const answer = await stack.call(url, {
          method: method.toUpperCase(),
          ...(method === 'post'
            ? { headers: { 'content-type': 'application/json' }, body: '{}' }
            : {}),
        });
        expect(answer.text, `${method} ${path}`).not.toContain('No route for');
        operations.push(`${method} ${path}`);
      }
    }
    expect(operations).toHaveLength(13);
  });
});

describe('the request log', () => {
  it('writes one JSON line per request with method, path (no query), status, duration, ids', async () => {
    await stack.call('/projects?search=secret-search-text');
    const line = stack.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request' && l.path === '/projects')
      .pop();
    expect(line).toMatchObject({ level: 'info', method: 'GET', status: 200, user: 'anonymous' });
    expect(typeof line!.duration_ms).toBe('number');
    expect(line!.trx).toBe(`${String(line!.request_id)}-*`);
    expect(stack.logs.join('\n')).not.toContain('secret-search-text');
  });

  it("sums the request's ClearML calls into its line; the per-call lines are debug level", async () => {
    const { headers } = await stack.call('/projects?page=2&page_size=3&sort=-name');
    const lines = stack.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const id = headers.get('x-request-id');
    const calls = lines.filter((l) => String(l.trx).startsWith(`${id}-`) && l.clearml_call);
    const line = lines.find((l) => l.msg === 'request' && l.request_id === id);
    // Page 2 of 3 cannot be read in one window: page + has_more probe + has_children.
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every((c) => c.level === 'debug')).toBe(true);
    expect(line).toMatchObject({ clearml_calls: calls.length });
    const sum = calls.reduce((ms, c) => ms + Number(c.ms), 0);
    expect(Number(line!.clearml_ms)).toBeCloseTo(sum, 0);
  });
});
