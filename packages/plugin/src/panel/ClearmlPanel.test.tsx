import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeProblem, makeProject, makeSession, makeTask, pageOf } from '../test/factories';
import { onGet, problemResponse } from '../test/handlers';
import { renderWithProviders } from '../test/renderWithProviders';
import { server } from '../test/server';
import { ClearmlPanel } from './ClearmlPanel';
import type { CvatContext } from './types';

const cvatContext: CvatContext = {
  user: { id: 1, username: 'alice', groups: ['user'] },
  task: {
    id: 42,
    name: 'street scenes',
    projectId: 3,
    projectName: 'Driving',
    labels: [{ name: 'car', color: '#f00', type: 'rectangle' }],
  },
  jobId: 7,
  cvatUrl: 'http://cvat.test',
};

function withProjectTasks() {
  const seen: URL[] = [];
  server.use(
    onGet('/projects/{project_name}/tasks', ({ url }) => {
      seen.push(url);
      return url.searchParams.has('cvat_task_id')
        ? pageOf([makeTask({ name: 'trained from CVAT 42', status: 'in_progress' })])
        : pageOf([makeTask({ name: 'some other task' })]);
    }),
  );
  return seen;
}

describe('ClearmlPanel', () => {
  it('when opened from a CVAT task whose project exists in ClearML, then it opens that project with the linked tasks on top', async () => {
    server.use(
      onGet('/session', () =>
        makeSession({ project_mapping: { rule: 'same-name', default_project: 'CVAT' } }),
      ),
      onGet('/projects/{project_name}', ({ params }) => makeProject(String(params.project_name))),
    );
    const seen = withProjectTasks();
    const { location } = renderWithProviders((api) => (
      <ClearmlPanel api={api} layout="side" cvatContext={cvatContext} />
    ));
    const linked = await screen.findByRole('region', {
      name: 'ClearML tasks linked to CVAT task 42',
    });
    expect(await within(linked).findByText('trained from CVAT 42')).toBeInTheDocument();
    expect(location().pathname).toBe('/projects/Driving/tasks');
    const linkedRequest = seen.find((u) => u.searchParams.has('cvat_task_id'))!;
    expect(linkedRequest.pathname).toBe('/projects/Driving/tasks');
    expect(linkedRequest.searchParams.get('cvat_task_id')).toBe('42');
  });

  it('when the CVAT project has no ClearML twin, then it falls back to the default project', async () => {
    server.use(
      onGet('/session', () =>
        makeSession({ project_mapping: { rule: 'same-name', default_project: 'CVAT' } }),
      ),
      onGet('/projects/{project_name}', () => problemResponse(makeProblem('not-found', 404))),
    );
    withProjectTasks();
    const { location } = renderWithProviders((api) => (
      <ClearmlPanel api={api} layout="side" cvatContext={cvatContext} />
    ));
    await waitFor(() => expect(location().pathname).toBe('/projects/CVAT/tasks'));
  });

  it('“Create a ClearML task for this CVAT task” opens the form prefilled with its name and link', async () => {
    server.use(
      onGet('/session', () => makeSession()),
      onGet('/projects/{project_name}', ({ params }) => makeProject(String(params.project_name))),
    );
    withProjectTasks();
    const { user } = renderWithProviders((api) => (
      <ClearmlPanel api={api} layout="side" cvatContext={cvatContext} />
    ));
    await user.click(
      await screen.findByRole('button', { name: /Create a ClearML task for this CVAT task/ }),
    );
    const form = await screen.findByRole('form', { name: 'Create a ClearML task' });
    expect(within(form).getByLabelText('Name')).toHaveValue('street scenes');
    expect(
      within(form).getByText(/Configuration: cvat_labels\. Linked to CVAT task #42\./),
    ).toBeInTheDocument();
  });

  it('when the session may not create tasks, then create is disabled with the reason', async () => {
    server.use(onGet('/session', () => makeSession({ can_create: false, read_only: true })));
    withProjectTasks();
    renderWithProviders((api) => <ClearmlPanel api={api} layout="page" />, {
      route: '/projects/Vision/tasks',
    });
    await screen.findByRole('table');
    const note = await screen.findByRole('note', { name: 'The ClearML proxy is read-only' });
    expect(within(note).getByRole('button', { name: /Create task/ })).toBeDisabled();
  });

  it('navigates between projects and models with links', async () => {
    server.use(
      onGet('/projects', () => pageOf([makeProject('Vision')])),
      onGet('/models/frameworks', () => ({ items: [] })),
      onGet('/models', () => pageOf([])),
    );
    const { user, location } = renderWithProviders((api) => (
      <ClearmlPanel api={api} layout="page" />
    ));
    await screen.findByRole('link', { name: 'Vision' });
    await user.click(screen.getByRole('link', { name: 'Models' }));
    expect(location().pathname).toBe('/models');
    expect(await screen.findByText(/No models yet/)).toBeInTheDocument();
  });
});
