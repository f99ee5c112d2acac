import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  makeModel,
  makeModelDetails,
  makeProblem,
  makeProject,
  pageOf,
} from '../../test/factories';
import { onGet, problemResponse } from '../../test/handlers';
import { renderWithProviders } from '../../test/renderWithProviders';
import { server } from '../../test/server';
import { ModelsView } from './ModelsView';

function withModels(reply: (url: URL) => ReturnType<typeof pageOf> | Response) {
  const seen: URL[] = [];
  server.use(
    onGet('/models/frameworks', () => ({ items: ['ONNX', 'PyTorch'] })),
    onGet('/projects', () => pageOf([makeProject('Vision'), makeProject('Audio')])),
    onGet('/models', ({ url }) => {
      seen.push(url);
      return reply(url) as never;
    }),
  );
  return seen;
}

describe('ModelsView', () => {
  it('lists models with framework, state, project, creating task and tags', async () => {
    withModels(() =>
      pageOf([
        makeModel({
          name: 'yolo best',
          framework: 'PyTorch',
          published: true,
          project_name: 'Vision',
          task_name: 'train yolo',
          tags: ['prod'],
        }),
        makeModel({ name: 'draft net', framework: null, published: false }),
      ]),
    );
    renderWithProviders(<ModelsView />);
    const table = await screen.findByRole('table');
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first!).getByRole('button', { name: 'yolo best' })).toBeInTheDocument();
    expect(within(first!).getByText('Published')).toBeInTheDocument();
    expect(within(first!).getByText('train yolo')).toBeInTheDocument();
    expect(within(first!).getByText('prod')).toBeInTheDocument();
    expect(within(second!).getByText('Draft')).toBeInTheDocument();
  });

  it('when filters are set, then the request carries framework, published, project and search', async () => {
    const seen = withModels(() => pageOf([makeModel()]));
    const { user } = renderWithProviders(<ModelsView />);
    await screen.findByRole('table');
    await user.click(screen.getByRole('combobox', { name: 'Framework' }));
    await user.click(await screen.findByTitle('ONNX'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.getAll('framework')).toEqual(['ONNX']));
    await user.click(screen.getByRole('combobox', { name: 'Published' }));
    await user.click(await screen.findByTitle('Draft'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('published')).toBe('false'));
    await user.click(screen.getByRole('combobox', { name: 'Project' }));
    await user.click(await screen.findByTitle('Audio'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('project')).toBe('Audio'));
    await user.type(screen.getByRole('textbox', { name: 'Search models' }), 'yolo');
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('search')).toBe('yolo'));
    expect(seen.at(-1)!.searchParams.getAll('framework')).toEqual(['ONNX']);
    expect(seen.at(-1)!.searchParams.get('page')).toBe('1');
  });

  it('opens a model’s details: URI, labels, design, metadata and Open in ClearML', async () => {
    // Registered first: msw's later handlers win, and /models/:model_id also matches /models/frameworks.
    server.use(
      onGet('/models/{model_id}', ({ params }) =>
        makeModelDetails({
          id: String(params.model_id),
          name: 'yolo best',
          uri: 's3://bucket/yolo/best.pt',
          labels: { car: 0, person: 1 },
          design: 'layers: 53',
          metadata: { classes: { value: '2' } },
          web_url: 'http://clearml.test/models/m-1',
        }),
      ),
    );
    withModels(() => pageOf([makeModel({ id: 'm-1', name: 'yolo best' })]));
    const { user } = renderWithProviders(<ModelsView />);
    await user.click(await screen.findByRole('button', { name: 'yolo best' }));
    const details = await screen.findByRole('article', { name: 'Model yolo best' });
    expect(within(details).getByText('s3://bucket/yolo/best.pt')).toBeInTheDocument();
    expect(within(details).getByText('person')).toBeInTheDocument();
    expect(within(details).getByText('layers: 53')).toBeInTheDocument();
    expect(within(details).getByText('classes')).toBeInTheDocument();
    expect(within(details).getByRole('link', { name: /Open in ClearML/ })).toHaveAttribute(
      'href',
      'http://clearml.test/models/m-1',
    );
  });

  it('when there are no models, then it says where models come from', async () => {
    withModels(() => pageOf([]));
    renderWithProviders(<ModelsView />);
    expect(await screen.findByText(/No models yet/)).toBeInTheDocument();
  });

  it('shows a skeleton while loading', async () => {
    withModels(() => pageOf([]));
    server.use(onGet('/models', () => new Promise<Response>(() => {})));
    renderWithProviders(<ModelsView />);
    expect(await screen.findByRole('status', { name: 'Loading models' })).toBeInTheDocument();
  });

  it('when ClearML is unavailable, then it says so instead of an empty table', async () => {
    withModels(() => problemResponse(makeProblem('clearml-unavailable', 503)));
    renderWithProviders(<ModelsView />);
    expect(await screen.findByText('ClearML is unavailable')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('when a column header is clicked, then the server sorts by it and the URL keeps it', async () => {
    const seen = withModels(() => pageOf([makeModel({ name: 'a' }), makeModel({ name: 'b' })]));
    const { user, location } = renderWithProviders(<ModelsView />, { route: '/models' });
    const table = await screen.findByRole('table');
    expect(seen.at(-1)!.searchParams.get('sort')).toBe('-last_update');
    await user.click(within(table).getByText('Name'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('sort')).toBe('name'));
    expect(new URLSearchParams(location().search).get('sort')).toBe('name');
    // The table takes no clicks while the next page loads.
    const settled = () => screen.findByText('2 models on page 1');
    await settled();
    await user.click(within(table).getByText('Name'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('sort')).toBe('-name'));
    await settled();
    await user.click(within(table).getByText('Framework'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('sort')).toBe('framework'));
    const header = within(table).getByRole('columnheader', { name: /Framework/ });
    expect(header).toHaveAttribute('aria-sort', 'ascending');
  });

  it('reads filters, sort and page from the URL, so a link reproduces the view', async () => {
    const seen = withModels(() => pageOf([makeModel()], { has_more: true }));
    renderWithProviders(<ModelsView />, {
      route:
        '/models?project=Vision&framework=ONNX&tag=prod&published=draft&search=yolo&sort=-name&page=3&page_size=25',
    });
    await screen.findByRole('table');
    const q = seen.at(-1)!.searchParams;
    expect(q.get('project')).toBe('Vision');
    expect(q.getAll('framework')).toEqual(['ONNX']);
    expect(q.getAll('tag')).toEqual(['prod']);
    expect(q.get('published')).toBe('false');
    expect(q.get('search')).toBe('yolo');
    expect(q.get('sort')).toBe('-name');
    expect(q.get('page')).toBe('3');
    expect(q.get('page_size')).toBe('25');
    expect(screen.getByRole('textbox', { name: 'Search models' })).toHaveValue('yolo');
  });

  it('when the URL holds nonsense, then the defaults are requested instead', async () => {
    const seen = withModels(() => pageOf([makeModel()]));
    renderWithProviders(<ModelsView />, {
      route: '/models?sort=size&page=-2&page_size=100000&published=maybe',
    });
    await screen.findByRole('table');
    const q = seen.at(-1)!.searchParams;
    expect(q.get('sort')).toBe('-last_update');
    expect(q.get('page')).toBe('1');
    expect(q.get('page_size')).toBe('50');
    expect(q.has('published')).toBe(false);
  });

  it('pages forward into the URL, and a filter change goes back to page 1', async () => {
    const seen = withModels(() => pageOf([makeModel()], { has_more: true }));
    const { user, location } = renderWithProviders(<ModelsView />, { route: '/models' });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: /Next page/ }));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('page')).toBe('2'));
    expect(new URLSearchParams(location().search).get('page')).toBe('2');
    await user.click(screen.getByRole('combobox', { name: 'Published' }));
    await user.click(await screen.findByTitle('Published'));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('published')).toBe('true'));
    expect(seen.at(-1)!.searchParams.get('page')).toBe('1');
    expect(location().search).toBe('?published=published');
  });

  it('at 500 rows per page, then only the visible rows are rendered (virtualized)', async () => {
    const models = Array.from({ length: 500 }, (_, i) => makeModel({ name: `model ${i}` }));
    withModels(() => pageOf(models));
    renderWithProviders(<ModelsView />, { route: '/models?page_size=500' });
    await screen.findByText('model 0');
    const rendered = document.querySelectorAll('.ant-table-row').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(document.querySelector('.ant-table-tbody-virtual')).not.toBeNull();
  });

  it('in the side layout, then details replace the list inside the panel, with no drawer', async () => {
    server.use(
      onGet('/models/{model_id}', ({ params }) =>
        makeModelDetails({ id: String(params.model_id), name: 'yolo best' }),
      ),
    );
    withModels(() => pageOf([makeModel({ id: 'm-1', name: 'yolo best' })]));
    const { user } = renderWithProviders(<ModelsView layout="side" />);
    await user.click(await screen.findByRole('button', { name: 'yolo best' }));
    await screen.findByRole('article', { name: 'Model yolo best' });
    expect(document.querySelector('.ant-drawer, .ant-drawer-mask')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Back to models/ }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
