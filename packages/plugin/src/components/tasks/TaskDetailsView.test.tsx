import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeProblem, makeTaskDetails } from '../../test/factories';
import { networkError, onGet, problemResponse } from '../../test/handlers';
import { renderWithProviders } from '../../test/renderWithProviders';
import { server } from '../../test/server';
import { TaskDetailsView } from './TaskDetailsView';

const renderDetails = () =>
  renderWithProviders(<TaskDetailsView projectName="Vision/Detection" taskId="t-42" />);

describe('TaskDetailsView', () => {
  it('shows general info, the CVAT link and an Open in ClearML link', async () => {
    let path = '';
    server.use(
      onGet('/projects/{project_name}/tasks/{task_id}', ({ url }) => {
        path = url.pathname;
        return makeTaskDetails({
          id: 't-42',
          name: 'yolov8 baseline',
          status: 'failed',
          status_message: 'CUDA out of memory',
          web_url: 'http://clearml.test/projects/p/experiments/t-42',
          cvat_link: {
            task_id: 7,
            job_id: 9,
            project_id: null,
            url: 'http://cvat.test/tasks/7/jobs/9',
          },
        });
      }),
    );
    renderDetails();
    expect(await screen.findByRole('heading', { name: 'yolov8 baseline' })).toBeInTheDocument();
    expect(path).toBe('/projects/Vision%2FDetection/tasks/t-42');
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('CUDA out of memory')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open in ClearML/ })).toHaveAttribute(
      'href',
      'http://clearml.test/projects/p/experiments/t-42',
    );
    expect(screen.getByRole('link', { name: 'CVAT task #7, job #9' })).toHaveAttribute(
      'href',
      'http://cvat.test/tasks/7/jobs/9',
    );
    expect(screen.getByRole('button', { name: 'Copy id' })).toBeInTheDocument();
  });

  it('when the proxy has no ClearML web address, then Open in ClearML is disabled', async () => {
    server.use(
      onGet('/projects/{project_name}/tasks/{task_id}', () => makeTaskDetails({ web_url: null })),
    );
    renderDetails();
    expect(await screen.findByRole('button', { name: /Open in ClearML/ })).toBeDisabled();
  });

  it('shows hyperparameters by section, configuration as text, execution, models and metrics', async () => {
    server.use(
      onGet('/projects/{project_name}/tasks/{task_id}', () =>
        makeTaskDetails({
          hyperparameters: {
            Args: { lr: { value: '0.01' }, epochs: { value: '50' } },
            General: { seed: { value: '7' } },
          },
          configuration: { 'config.yaml': { value: 'model:\n  depth: 50' } },
          script: {
            repository: 'https://git.test/repo.git',
            branch: 'main',
            entry_point: 'train.py',
          },
          container: { image: 'pytorch/pytorch:2.4' },
          models: {
            input: [],
            output: [{ name: 'Output Model', model_id: 'm1', model_name: 'best.pt' }],
          },
          last_metrics: [
            { metric: 'loss', variant: 'total', value: 0.123456789, min_value: 0.1, max_value: 2 },
          ],
        }),
      ),
    );
    const { user } = renderDetails();
    await screen.findByRole('tab', { name: 'Hyperparameters' });
    await user.click(screen.getByRole('tab', { name: 'Hyperparameters' }));
    expect(await screen.findByText('Args')).toBeInTheDocument();
    expect(screen.getByText('General')).toBeInTheDocument();
    expect(screen.getByText('0.01')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Configuration' }));
    const config = await screen.findByRole('region', { name: 'Configuration config.yaml' });
    expect(config.querySelector('pre')?.textContent).toBe('model:\n  depth: 50');
    await user.click(screen.getByRole('tab', { name: 'Execution' }));
    expect(await screen.findByText('https://git.test/repo.git')).toBeInTheDocument();
    expect(screen.getByText('pytorch/pytorch:2.4')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Models' }));
    expect(await screen.findByText('best.pt')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Metrics' }));
    const metrics = await screen.findByRole('cell', { name: '0.123457' });
    expect(within(metrics.closest('tr')!).getByText('loss')).toBeInTheDocument();
  });

  it('when the task is not in the project, then it says not found', async () => {
    server.use(
      onGet('/projects/{project_name}/tasks/{task_id}', () =>
        problemResponse(makeProblem('not-found', 404)),
      ),
    );
    renderDetails();
    expect(await screen.findByText('This task not found')).toBeInTheDocument();
  });

  it('when the proxy is unreachable, then it says so with a Retry', async () => {
    server.use(onGet('/projects/{project_name}/tasks/{task_id}', () => networkError()));
    renderDetails();
    expect(await screen.findByText('The ClearML proxy cannot be reached')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('shows a skeleton while loading', async () => {
    server.use(
      onGet('/projects/{project_name}/tasks/{task_id}', () => new Promise<Response>(() => {})),
    );
    renderDetails();
    expect(await screen.findByRole('status', { name: 'Loading task details' })).toBeInTheDocument();
  });
});
