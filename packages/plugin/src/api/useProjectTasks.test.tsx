import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClearmlPanel } from '../panel/ClearmlPanel';
import { makeSession, makeTask, pageOf } from '../test/factories';
import { onGet } from '../test/handlers';
import { renderWithProviders } from '../test/renderWithProviders';
import { server } from '../test/server';
import type { TaskStatus } from './types';
import { LIVE_REFRESH_MS } from './useProjectTasks';

async function pollingFor(status: TaskStatus) {
  server.use(
    onGet('/session', () => makeSession()),
    onGet('/projects/{project_name}/tasks', () => pageOf([makeTask({ name: 'a task', status })])),
  );
  const { queryClient } = renderWithProviders((api) => <ClearmlPanel api={api} layout="page" />, {
    route: '/projects/Vision/tasks',
  });
  await screen.findByRole('link', { name: 'a task' });
  const [query] = queryClient.getQueryCache().findAll({ queryKey: ['clearml', 'tasks', 'Vision'] });
  // What the list's own observer asks TanStack Query for.
  const options = query!.observers[0]!.options;
  const interval = options.refetchInterval;
  return {
    interval: typeof interval === 'function' ? interval(query as never) : interval,
    inBackground: options.refetchIntervalInBackground,
  };
}

describe('task list polling', () => {
  it('when a task is running, then the list refreshes itself, but not in a hidden tab', async () => {
    expect(await pollingFor('in_progress')).toEqual({
      interval: LIVE_REFRESH_MS,
      inBackground: false,
    });
  });

  it('when a task is pending, then the list refreshes itself', async () => {
    expect((await pollingFor('queued')).interval).toBe(LIVE_REFRESH_MS);
  });

  it('when nothing can change on its own, then there is no polling', async () => {
    expect((await pollingFor('completed')).interval).toBe(false);
  });
});
