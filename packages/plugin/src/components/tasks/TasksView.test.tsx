import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClearmlPanel } from '../../panel/ClearmlPanel';
import { makeProblem, makeProject, makeSession, makeTask, pageOf } from '../../test/factories';
import { networkError, onGet, problemResponse, type Received } from '../../test/handlers';
import { renderWithProviders } from '../../test/renderWithProviders';
import { server } from '../../test/server';

const PROJECT_ROUTE = '/projects/Vision%2FDetection/tasks';

function withTasks(reply: (received: Received) => ReturnType<typeof pageOf> | Response) {
  const seen: URL[] = [];
  server.use(
    onGet('/session', () => makeSession()),
    onGet('/projects/{project_name}/tasks', (received) => {
      seen.push(received.url);
      return reply(received) as never;
    }),
  );
  return seen;
}

const renderPanel = (route = PROJECT_ROUTE) =>
  renderWithProviders((api) => <ClearmlPanel api={api} layout="page" />, { route });

describe('TasksView', () => {
  it('lists the project tasks with ClearML status labels, type, user and iteration', async () => {
    const seen = withTasks(() =>
      pageOf([
        makeTask({
          name: 'yolov8 baseline',
          status: 'in_progress',
          last_iteration: 1200,
          tags: ['baseline'],
        }),
        makeTask({
          name: 'draft run',
          status: 'created',
          type: 'data_processing',
          user: { id: 'u2', name: 'Bob' },
        }),
        makeTask({ name: 'stopped run', status: 'stopped' }),
      ]),
    );
    renderPanel();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('link', { name: 'yolov8 baseline' })).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Running')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('1200')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('baseline')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Draft')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('data processing')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Bob')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Aborted')).toBeInTheDocument();
    expect(seen[0]!.pathname).toBe('/projects/Vision%2FDetection/tasks');
    expect(seen[0]!.searchParams.get('sort')).toBe('-last_update');
    expect(seen[0]!.searchParams.get('page_size')).toBe('50');
    expect(seen[0]!.searchParams.has('include_archived')).toBe(false);
  });

  it('shows a skeleton while the first page loads', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      onGet('/session', () => makeSession()),
      onGet('/projects/{project_name}/tasks', async () => {
        await gate;
        return pageOf([makeTask({ name: 'late task' })]);
      }),
    );
    renderPanel();
    expect(await screen.findByRole('status', { name: 'Loading tasks' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(screen.queryByRole('table')).toBeNull();
    release();
    expect(await screen.findByRole('link', { name: 'late task' })).toBeInTheDocument();
  });

  it('when the project has no tasks, then it says so and offers to create one', async () => {
    withTasks(() => pageOf([]));
    renderPanel();
    expect(await screen.findByText(/This project has no tasks yet/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /Create task/ }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('when filters match nothing, then it offers to clear them', async () => {
    withTasks(() => pageOf([]));
    const { user, location } = renderPanel(`${PROJECT_ROUTE}?status=failed`);
    expect(await screen.findByText(/No tasks match these filters/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location().search).toBe(''));
  });

  it('when ClearML is unavailable, then it says so (not an empty table) and Retry reloads', async () => {
    let fail = true;
    withTasks(() =>
      fail
        ? problemResponse(makeProblem('clearml-unavailable', 503))
        : pageOf([makeTask({ name: 'back again' })]),
    );
    const { user } = renderPanel();
    expect(await screen.findByText('ClearML is unavailable')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'back again' })).toBeInTheDocument();
  });

  it('when the proxy is unreachable, then it says the proxy cannot be reached', async () => {
    withTasks(() => networkError());
    renderPanel();
    expect(await screen.findByText('The ClearML proxy cannot be reached')).toBeInTheDocument();
  });

  it('reads filters, sort and page from the URL, so a link reproduces the view', async () => {
    const seen = withTasks(() => pageOf([makeTask()], { page: 3, page_size: 100 }));
    renderPanel(
      `${PROJECT_ROUTE}?status=in_progress&status=failed&type=testing&tag=gpu&search=yolo&sort=name&page=3&page_size=100&archived=true`,
    );
    await screen.findByRole('table');
    const query = seen[0]!.searchParams;
    expect(query.getAll('status')).toEqual(['in_progress', 'failed']);
    expect(query.getAll('type')).toEqual(['testing']);
    expect(query.getAll('tag')).toEqual(['gpu']);
    expect(query.get('search')).toBe('yolo');
    expect(query.get('sort')).toBe('name');
    expect(query.get('page')).toBe('3');
    expect(query.get('page_size')).toBe('100');
    expect(query.get('include_archived')).toBe('true');
  });

  it('when two statuses are picked, then both are requested and written to the URL', async () => {
    const seen = withTasks(() => pageOf([makeTask()]));
    const { user, location } = renderPanel();
    await screen.findByRole('table');
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByTitle('Running'));
    await user.click(await screen.findByTitle('Failed'));
    await waitFor(() =>
      expect(seen.at(-1)!.searchParams.getAll('status')).toEqual(['in_progress', 'failed']),
    );
    expect(new URLSearchParams(location().search).getAll('status')).toEqual([
      'in_progress',
      'failed',
    ]);
  });

  it('when text is typed in search, then one debounced request carries it', async () => {
    const seen = withTasks(() => pageOf([makeTask()]));
    const { user, location } = renderPanel();
    await screen.findByRole('table');
    await user.type(screen.getByRole('textbox', { name: 'Search tasks' }), 'resnet');
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('search')).toBe('resnet'));
    expect(seen.filter((u) => u.searchParams.has('search'))).toHaveLength(1);
    expect(location().search).toBe('?search=resnet');
  });

  it('when archived is switched on, then include_archived is requested', async () => {
    const seen = withTasks(() => pageOf([makeTask()]));
    const { user } = renderPanel();
    await screen.findByRole('table');
    await user.click(screen.getByRole('switch', { name: 'Show archived' }));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('include_archived')).toBe('true'));
  });

  it('when a column header is clicked, then the list is sorted by it on the server', async () => {
    const seen = withTasks(() => pageOf([makeTask()]));
    const { user, location } = renderPanel();
    await screen.findByRole('table');
    await user.click(screen.getByRole('columnheader', { name: /Name/ }));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('sort')).toBe('name'));
    // The table ignores clicks while it shows the previous page under a spinner. The fetch ends
    // first; antd's Spin lifts its blur (pointer-events: none) a render later.
    await waitFor(() => expect(screen.queryByText('Loading tasks…')).toBeNull());
    await waitFor(() => expect(document.querySelector('.ant-spin-blur')).toBeNull());
    await user.click(screen.getByRole('columnheader', { name: /Name/ }));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('sort')).toBe('-name'));
    expect(location().search).toBe('?sort=-name');
  });

  it('pages forward while the server has more, and back', async () => {
    const seen = withTasks(({ url }) => {
      const page = Number(url.searchParams.get('page'));
      return pageOf([makeTask({ name: `row of page ${page}` })], { page, has_more: page < 2 });
    });
    const { user, location } = renderPanel();
    await screen.findByRole('link', { name: 'row of page 1' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'row of page 2' });
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(location().search).toBe('?page=2');
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('link', { name: 'row of page 1' });
    expect(seen.map((u) => u.searchParams.get('page'))).toEqual(['1', '2', '1']);
  });

  it('offers 500 rows per page', async () => {
    const seen = withTasks(() => pageOf([makeTask()]));
    const { user } = renderPanel();
    await screen.findByRole('table');
    await user.click(screen.getByRole('combobox', { name: 'Rows per page' }));
    await user.click(await screen.findByTitle('500 / page'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('page_size')).toBe('500'));
  });

  it('when a task name is clicked, then its details open and the URL names it', async () => {
    withTasks(() => pageOf([makeTask({ id: 'abc123', name: 'open me' })]));
    server.use(
      onGet('/projects/{project_name}/tasks/{task_id}', ({ params }) =>
        problemResponse(makeProblem('not-found', 404, { detail: `no ${String(params.task_id)}` })),
      ),
    );
    const { user, location } = renderPanel(`${PROJECT_ROUTE}?status=completed`);
    await user.click(await screen.findByRole('link', { name: 'open me' }));
    expect(location().pathname).toBe('/projects/Vision%2FDetection/tasks/abc123');
    expect(location().search).toBe('?status=completed');
    expect(await screen.findByText('This task not found')).toBeInTheDocument();
  });

  const renderSide = () =>
    renderWithProviders((api) => <ClearmlPanel api={api} layout="side" />, {
      route: PROJECT_ROUTE,
    });
  const noDrawer = () => expect(document.querySelector('.ant-drawer, .ant-drawer-mask')).toBeNull();

  it('in the side layout, then the create form replaces the list inside the panel, with no drawer or mask', async () => {
    withTasks(() => pageOf([makeTask({ id: 'abc123', name: 'open me' })]));
    server.use(onGet('/projects/{project_name}', () => makeProject('Vision/Detection')));
    const { user } = renderSide();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: /Create task/ }));
    const form = await screen.findByRole('form', { name: 'Create a ClearML task' });
    noDrawer();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Back to tasks/ }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(form).not.toBeInTheDocument();
  });

  it('in the side layout, then a task’s details replace the list, with no drawer or mask', async () => {
    withTasks(() => pageOf([makeTask({ id: 'abc123', name: 'open me' })]));
    server.use(
      onGet('/projects/{project_name}/tasks/{task_id}', () =>
        problemResponse(makeProblem('not-found', 404)),
      ),
    );
    const { user, location } = renderSide();
    await user.click(await screen.findByRole('link', { name: 'open me' }));
    expect(location().pathname).toBe('/projects/Vision%2FDetection/tasks/abc123');
    expect(await screen.findByText('This task not found')).toBeInTheDocument();
    noDrawer();
  });
});
