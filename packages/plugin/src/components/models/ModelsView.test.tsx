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
});
