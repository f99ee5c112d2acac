import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeProblem, makeProject, pageOf } from '../../test/factories';
import { onGet, problemResponse } from '../../test/handlers';
import { renderWithProviders } from '../../test/renderWithProviders';
import { server } from '../../test/server';
import { ProjectsView } from './ProjectsView';

const href = (name: string) => `/projects/${encodeURIComponent(name)}/tasks`;
const renderView = () => renderWithProviders(<ProjectsView projectHref={href} />);

describe('ProjectsView', () => {
  it('shows top-level projects with coloured task counts and loads children when a node opens', async () => {
    const asked: URL[] = [];
    server.use(
      onGet('/projects', ({ url }) => {
        asked.push(url);
        const parent = url.searchParams.get('parent');
        if (parent === '') {
          return pageOf([
            makeProject('Vision', {
              has_children: true,
              stats: { total: 7, by_status: { in_progress: 2, failed: 1, completed: 4 } },
            }),
            makeProject('Audio'),
          ]);
        }
        if (parent === 'Vision')
          return pageOf([makeProject('Vision/Detection', { has_children: true })]);
        return pageOf([]);
      }),
    );
    const { user } = renderView();
    const tree = await screen.findByRole('navigation', { name: 'Projects' });
    expect(within(tree).getByRole('link', { name: 'Vision' })).toHaveAttribute(
      'href',
      '/projects/Vision/tasks',
    );
    const counts = within(tree).getByRole('list', { name: 'Tasks by status' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('aria-label')),
    ).toEqual(['7 tasks in total', '2 Running', '1 Failed', '4 Completed']);
    // Projects without stats show no counts at all.
    expect(within(tree).getAllByRole('list', { name: 'Tasks by status' })).toHaveLength(1);
    expect(asked[0]!.searchParams.get('include_stats')).toBe('true');
    expect(screen.queryByRole('link', { name: 'Detection' })).toBeNull();

    const switcher = tree.querySelector('.ant-tree-switcher_close');
    await user.click(switcher!);
    const child = await screen.findByRole('link', { name: 'Detection' });
    expect(child).toHaveAttribute('href', '/projects/Vision%2FDetection/tasks');
    expect(asked.map((u) => u.searchParams.get('parent'))).toEqual(['', 'Vision']);
  });

  it('when a search is typed, then matching projects are listed by full path', async () => {
    const asked: URL[] = [];
    server.use(
      onGet('/projects', ({ url }) => {
        asked.push(url);
        if (url.searchParams.has('search')) return pageOf([makeProject('Vision/Detection/YOLO')]);
        return pageOf([makeProject('Vision', { has_children: true })]);
      }),
    );
    const { user } = renderView();
    await screen.findByRole('link', { name: 'Vision' });
    await user.type(screen.getByRole('textbox', { name: 'Search projects' }), 'yolo');
    const result = await screen.findByRole('link', { name: 'Vision/Detection/YOLO' });
    expect(result).toHaveAttribute('href', '/projects/Vision%2FDetection%2FYOLO/tasks');
    expect(asked.at(-1)!.searchParams.get('search')).toBe('yolo');
    expect(asked.at(-1)!.searchParams.has('parent')).toBe(false);
  });

  it('when a search matches nothing, then it suggests a shorter one', async () => {
    server.use(
      onGet('/projects', ({ url }) =>
        url.searchParams.has('search') ? pageOf([]) : pageOf([makeProject('Vision')]),
      ),
    );
    const { user } = renderView();
    await screen.findByRole('link', { name: 'Vision' });
    await user.type(screen.getByRole('textbox', { name: 'Search projects' }), 'zzz');
    expect(await screen.findByText(/No project name contains “zzz”/)).toBeInTheDocument();
  });

  it('shows a loading state, then an empty state that says how to start', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      onGet('/projects', async () => {
        await gate;
        return pageOf([]);
      }),
    );
    renderView();
    expect(await screen.findByRole('status', { name: 'Loading projects' })).toBeInTheDocument();
    release();
    expect(await screen.findByText(/No ClearML projects yet/)).toBeInTheDocument();
  });

  it('when the project list fails, then it names the failure and retries', async () => {
    let calls = 0;
    server.use(
      onGet('/projects', () => {
        calls += 1;
        return calls === 1
          ? problemResponse(makeProblem('clearml-timeout', 504))
          : pageOf([makeProject('Recovered')]);
      }),
    );
    const { user } = renderView();
    expect(await screen.findByText('ClearML did not answer in time')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Recovered' })).toBeInTheDocument(),
    );
  });

  it('when a task count is hovered, then a tooltip names its status; the total says it is the total', async () => {
    server.use(
      onGet('/projects', () =>
        pageOf([
          makeProject('Vision', {
            stats: { total: 93, by_status: { completed: 90, failed: 3 } },
          }),
        ]),
      ),
    );
    const { user } = renderView();
    const completed = await screen.findByRole('listitem', { name: '90 Completed' });
    expect(completed).toHaveTextContent('90');
    await user.hover(completed);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('90 Completed');
    await user.unhover(completed);
    await user.hover(screen.getByRole('listitem', { name: '93 tasks in total' }));
    await waitFor(() =>
      expect(
        screen.getAllByRole('tooltip').some((t) => t.textContent === '93 tasks in total'),
      ).toBe(true),
    );
  });
});
