import { describe, expect, it } from 'vitest';
import type { CvatCore, CvatStore } from '../cvatTypes';
import { resolveCvatContext } from './resolveCvatContext';

const state = {
  auth: { user: { id: 5, username: 'alice', groups: ['user'], email: 'a@example.com' } },
  organizations: { current: { slug: 'acme' } },
};
const store: CvatStore = { getState: () => state, subscribe: () => () => {} };

function core(overrides: Partial<CvatCore> = {}): CvatCore {
  return {
    tasks: {
      get: async ({ id }) =>
        id === 7
          ? [
              {
                id: 7,
                name: 'Bird calls',
                projectId: 3,
                labels: [
                  { name: 'bird', color: '#33ddff', type: 'rectangle', id: 1 } as never,
                  { name: 'noise' },
                ],
              },
            ]
          : [],
    },
    projects: { get: async ({ id }) => (id === 3 ? [{ id: 3, name: 'Audio' }] : []) },
    ...overrides,
  };
}

const deps = (c = core()) => ({ store, core: c, cvatUrl: 'https://cvat.example.com' });

describe('resolveCvatContext', () => {
  it('builds the job context: user, organization, task name and labels, project name, job id', async () => {
    await expect(
      resolveCvatContext(deps(), { kind: 'job', jobId: 11, taskId: 7, projectId: 3 }),
    ).resolves.toEqual({
      user: { id: 5, username: 'alice', groups: ['user'] },
      org: 'acme',
      cvatUrl: 'https://cvat.example.com',
      jobId: 11,
      task: {
        id: 7,
        name: 'Bird calls',
        projectId: 3,
        projectName: 'Audio',
        labels: [{ name: 'bird', color: '#33ddff', type: 'rectangle' }, { name: 'noise' }],
      },
    });
  });

  it('when CVAT does not return the task, then it rejects naming the task', async () => {
    await expect(resolveCvatContext(deps(), { kind: 'task', taskId: 99 })).rejects.toThrow(
      'CVAT task 99 was not found',
    );
  });

  it('when cvat-core cannot read projects, then the task still resolves without a project name', async () => {
    const context = await resolveCvatContext(deps(core({ projects: undefined })), {
      kind: 'task',
      taskId: 7,
    });
    expect(context.task?.projectName).toBeNull();
    expect(context.jobId).toBeNull();
  });

  it('for a project opened from its menu, names the project without any task', async () => {
    const context = await resolveCvatContext(deps(), {
      kind: 'project',
      projectId: 3,
      projectName: null,
    });
    expect(context.project).toEqual({ id: 3, name: 'Audio' });
    expect(context.task).toBeUndefined();
  });

  it('without a logged-in user or organization, leaves them out', async () => {
    const empty: CvatStore = { getState: () => ({}), subscribe: () => () => {} };
    const context = await resolveCvatContext({ ...deps(), store: empty }, { kind: 'models' });
    expect(context).toEqual({ org: null, cvatUrl: 'https://cvat.example.com' });
  });
});
