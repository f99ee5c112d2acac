// Names that look like regular expressions are matched literally, and ClearML's 500-row cap
// never shows: a project with 1,200 tasks is listed completely with any page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractProblems } from './helpers/contract.js';
import { expectNoLeaks } from './helpers/expectNoLeaks.js';
import { startStack, type Stack } from './helpers/startStack.js';

type Task = { id: string; name: string; project_name: string };
type Page = { items: Task[]; page: number; page_size: number; has_more: boolean };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  if (!stack) return;
  await stack.stop();
  expectNoLeaks(stack);
});

/** Tasks of a project the emulator holds, archived left out: the truth to compare with. */
function storedTaskIds(projectName: string): string[] {
  const project = stack.emulator.store.getProjectByName(projectName);
  if (!project) throw new Error(`no project ${projectName}`);
  return stack.emulator.store
    .tasksInProject(project.id)
    .filter((t) => !(t.system_tags ?? []).includes('archived'))
    .map((t) => t.id);
}

async function allPages(path: string, pageSize: number) {
  const ids: string[] = [];
  let requests = 0;
  for (let page = 1; page <= 2000; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const { status, body } = await stack.op(
      'listProjectTasks',
      `${path}${sep}page=${page}&page_size=${pageSize}`,
    );
    expect(status).toBe(200);
    const p = body as Page;
    expect(p).toMatchObject({ page, page_size: pageSize });
    ids.push(...p.items.map((t) => t.id));
    requests++;
    if (!p.has_more) {
      // has_more is exact: false only on the last page, which is never empty (unless page 1).
      if (page > 1) expect(p.items.length).toBeGreaterThan(0);
      break;
    }
    expect(p.items.length).toBe(pageSize);
  }
  return { ids, requests };
}

describe('names that look like regular expressions', () => {
  it.each(['cats', 'cats_v2', 'a.b', '(x) y'])(
    'the tasks of %j are exactly that project’s tasks',
    async (name) => {
      const { ids } = await allPages(`/projects/${encodeURIComponent(name)}/tasks`, 500);
      const expected = storedTaskIds(name);
      expect(expected.length).toBeGreaterThan(0);
      expect(ids.sort()).toEqual(expected.sort());
    },
  );

  it('cats never returns a task of cats_v2', async () => {
    const { body } = await stack.op('listProjectTasks', '/projects/cats/tasks?page_size=500');
    const names = new Set((body as Page).items.map((t) => t.project_name));
    expect(names).toEqual(new Set(['cats']));
  });

  it('a project named like a pattern is found as itself and nothing else', async () => {
    for (const name of ['a.b', '(x) y']) {
      const { status, body } = await stack.op(
        'getProject',
        `/projects/${encodeURIComponent(name)}`,
      );
      expect(status).toBe(200);
      expect((body as { name: string }).name).toBe(name);
    }
    // `a.b` as a regex would match `axb`; as a name it must not exist.
    expect((await stack.op('getProject', '/projects/axb')).status).toBe(404);
    expect((await stack.op('getProject', '/projects/cat')).status).toBe(404);
  });

  it('search text is literal too', async () => {
    const { body } = await stack.op(
      'listProjects',
      `/projects?search=${encodeURIComponent('(x)')}`,
    );
    expect((body as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(['(x) y']);
  });
});

describe('paging a project with 1,200 tasks', () => {
  it('the fixture really is over ClearML’s 500-row cap', () => {
    expect(storedTaskIds('Big Project').length).toBeGreaterThan(1000);
  });

  it.each([7, 50, 499, 500])(
    'with page_size=%i every task comes exactly once and has_more is exact',
    async (size) => {
      const expected = storedTaskIds('Big Project');
      const { ids, requests } = await allPages('/projects/Big%20Project/tasks', size);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(expected.sort());
      expect(requests).toBe(Math.max(1, Math.ceil(expected.length / size)));
    },
    60_000,
  );

  it('a page past the end is empty with has_more false', async () => {
    const { body } = await stack.op(
      'listProjectTasks',
      '/projects/Big%20Project/tasks?page=9999&page_size=500',
    );
    expect(body).toEqual({ items: [], page: 9999, page_size: 500, has_more: false });
  });
});

describe('the contract checker itself', () => {
  it('reports a body that breaks the schema', () => {
    expect(contractProblems('getWelcome', 200, 'application/json', { name: 1 })).not.toEqual([]);
    expect(contractProblems('getWelcome', 418, 'application/json', {})).not.toEqual([]);
  });
});
