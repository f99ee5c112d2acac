import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TaskCreate } from '../../api/types';
import { makeProblem, makeProject, makeTaskDetails } from '../../test/factories';
import { networkError, onGet, onPost, problemResponse } from '../../test/handlers';
import { renderWithProviders } from '../../test/renderWithProviders';
import { server } from '../../test/server';
import { CreateTaskForm } from './CreateTaskForm';
import type { CreateTaskInitialValues } from './taskFormValues';

interface Submission {
  key: string | null;
  body: TaskCreate;
  path: string;
}

function withCreate(replies: ((n: number) => Response | null)[] = [], projectExists = true) {
  const submissions: Submission[] = [];
  server.use(
    onGet('/projects/{project_name}', ({ params }) =>
      projectExists
        ? makeProject(decodeURIComponent(String(params.project_name)))
        : problemResponse(makeProblem('not-found', 404)),
    ),
    onPost('/projects/{project_name}/tasks/create', async ({ request, url }) => {
      const body = (await request.json()) as TaskCreate;
      submissions.push({ key: request.headers.get('Idempotency-Key'), body, path: url.pathname });
      const reply = replies[submissions.length - 1]?.(submissions.length);
      return (
        reply ??
        makeTaskDetails({ id: `new-${submissions.length}`, name: body.name, status: 'created' })
      );
    }),
  );
  return submissions;
}

function renderForm(initialValues?: CreateTaskInitialValues) {
  const onCreated = vi.fn();
  const rendered = renderWithProviders(
    <CreateTaskForm
      projectName="Vision/Detection"
      initialValues={initialValues}
      onCreated={onCreated}
    />,
  );
  return { ...rendered, onCreated };
}

// While pending the button's name gains the spinner's label ("loading Create task").
const submit = () => screen.getByRole('button', { name: /Create task$/ });

describe('CreateTaskForm', () => {
  it('when the name is empty, then it asks for one and sends nothing', async () => {
    const submissions = withCreate();
    const { user } = renderForm();
    await user.click(submit());
    expect(await screen.findByText('Give the task a name')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), '   ');
    await user.click(submit());
    expect(await screen.findByText('Give the task a name')).toBeInTheDocument();
    expect(submissions).toHaveLength(0);
  });

  it('when a field is over the contract limit, then it says so and sends nothing', async () => {
    const submissions = withCreate();
    const { user } = renderForm();
    await user.click(screen.getByLabelText('Name'));
    await user.paste('x'.repeat(256));
    await user.click(submit());
    expect(await screen.findByText('At most 255 characters')).toBeInTheDocument();
    expect(submissions).toHaveLength(0);
  });

  it('creates a task with type, tags, hyperparameters, script and container, and an Idempotency-Key', async () => {
    const submissions = withCreate();
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'train yolo');
    await user.type(screen.getByLabelText('Description'), 'from the panel');
    await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'gpu{Enter}');
    await user.click(screen.getByRole('button', { name: /Add section/ }));
    await user.type(screen.getByLabelText('Parameter 1 name'), 'lr');
    await user.type(screen.getByLabelText('Parameter 1 value'), '0.01');
    await user.type(screen.getByLabelText('Repository'), 'https://git.test/repo.git');
    await user.type(screen.getByLabelText('Branch'), 'main');
    await user.type(screen.getByLabelText('Container image'), 'pytorch/pytorch:2.4');
    await user.click(submit());

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0]![0]).toMatchObject({ id: 'new-1', name: 'train yolo' });
    expect(submissions).toHaveLength(1);
    const [sent] = submissions;
    expect(sent!.path).toBe('/projects/Vision%2FDetection/tasks/create');
    expect(sent!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent!.body).toEqual({
      name: 'train yolo',
      type: 'training',
      comment: 'from the panel',
      tags: ['gpu'],
      hyperparameters: { Args: { lr: '0.01' } },
      script: { repository: 'https://git.test/repo.git', branch: 'main' },
      container: { image: 'pytorch/pytorch:2.4' },
      create_project: false,
    });
  });

  it('when the proxy names bad fields in errors[], then each message appears on its field', async () => {
    withCreate([
      () =>
        problemResponse(
          makeProblem('validation-error', 400, {
            detail: 'Invalid request',
            errors: [
              { in: 'body', name: 'name', message: 'already taken in this project' },
              { in: 'body', name: 'script.branch', message: 'no such branch' },
            ],
          }),
        ),
    ]);
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'dup');
    await user.type(screen.getByLabelText('Branch'), 'nope');
    await user.click(submit());
    expect(await screen.findByText('already taken in this project')).toBeInTheDocument();
    expect(screen.getByText('no such branch')).toBeInTheDocument();
    expect(screen.getByLabelText('Branch').closest('.ant-form-item')).toHaveClass(
      'ant-form-item-has-error',
    );
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('when errors[] name hyperparameters, then each message appears on that parameter', async () => {
    withCreate([
      () =>
        problemResponse(
          makeProblem('validation-error', 400, {
            detail: 'Invalid request',
            errors: [
              { in: 'body', name: 'hyperparameters.Args.lr', message: 'must be at most 8 chars' },
              { in: 'body', name: 'hyperparameters.Args.bad key', message: 'is not a valid name' },
            ],
          }),
        ),
    ]);
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'hp');
    await user.click(screen.getByRole('button', { name: /Add section/ }));
    await user.type(screen.getByLabelText('Parameter 1 name'), 'lr');
    await user.type(screen.getByLabelText('Parameter 1 value'), '0.000000001');
    await user.click(screen.getByRole('button', { name: /Add parameter/ }));
    await user.type(screen.getByLabelText('Parameter 2 name'), 'bad key');
    await user.click(submit());
    expect(await screen.findByText('must be at most 8 chars')).toBeInTheDocument();
    const item = (label: string) => screen.getByLabelText(label).closest('.ant-form-item');
    expect(item('Parameter 1 value')).toHaveClass('ant-form-item-has-error');
    expect(item('Parameter 1 value')).toHaveTextContent('must be at most 8 chars');
    expect(item('Parameter 1 name')).not.toHaveClass('ant-form-item-has-error');
    expect(item('Parameter 2 name')).toHaveClass('ant-form-item-has-error');
    expect(item('Parameter 2 name')).toHaveTextContent('is not a valid name');
    // Every error found its field, so there is no alert repeating them.
    expect(screen.queryByText('The task was not created')).not.toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('when a problem names no form field, then it appears in an alert', async () => {
    withCreate([
      () => problemResponse(makeProblem('forbidden', 403, { detail: 'Read-only proxy' })),
    ]);
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'x');
    await user.click(submit());
    expect(await screen.findByText('The task was not created')).toBeInTheDocument();
    expect(screen.getByText('Read-only proxy')).toBeInTheDocument();
  });

  it('when the first attempt times out (504), then Retry sends the same Idempotency-Key', async () => {
    const submissions = withCreate([() => problemResponse(makeProblem('clearml-timeout', 504))]);
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'once only');
    await user.click(submit());
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(submissions).toHaveLength(2);
    expect(submissions[1]!.key).toBe(submissions[0]!.key);
  });

  it('when the response is lost (network error), then submitting again reuses the key', async () => {
    const submissions = withCreate([() => networkError()]);
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'lost answer');
    await user.click(submit());
    expect(await screen.findByText(/The ClearML proxy could not be reached/)).toBeInTheDocument();
    await user.click(submit());
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(submissions.map((s) => s.key)).toEqual([submissions[0]!.key, submissions[0]!.key]);
  });

  it('when the form changes after a failure, then the next submission gets a new key', async () => {
    const submissions = withCreate([
      () => problemResponse(makeProblem('clearml-unavailable', 503)),
    ]);
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'first');
    await user.click(submit());
    await screen.findByText('The task was not created');
    await user.type(screen.getByLabelText('Name'), ' edited');
    await user.click(submit());
    await waitFor(() => expect(submissions).toHaveLength(2));
    expect(submissions[1]!.body.name).toBe('first edited');
    expect(submissions[1]!.key).not.toBe(submissions[0]!.key);
  });

  it('disables submit while the request is pending', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const submissions = withCreate([() => null]);
    server.use(
      onPost('/projects/{project_name}/tasks/create', async ({ request }) => {
        submissions.push({
          key: request.headers.get('Idempotency-Key'),
          body: (await request.json()) as TaskCreate,
          path: '',
        });
        await gate;
        return makeTaskDetails({ id: 'slow' });
      }),
    );
    const { user, onCreated } = renderForm();
    await user.type(screen.getByLabelText('Name'), 'slow');
    await user.click(submit());
    await screen.findByText('Creating task…');
    await waitFor(() => expect(submit()).toBeDisabled());
    expect(screen.getByText('Creating task…')).toBeInTheDocument();
    release();
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(submissions).toHaveLength(1);
  });

  it('offers to create the project only when it does not exist, and sends create_project', async () => {
    const submissions = withCreate([], false);
    const { user } = renderForm();
    const checkbox = await screen.findByRole('checkbox', {
      name: /Create project “Vision\/Detection”/,
    });
    await user.type(screen.getByLabelText('Name'), 'first task');
    await user.click(checkbox);
    await user.click(submit());
    await waitFor(() => expect(submissions).toHaveLength(1));
    expect(submissions[0]!.body.create_project).toBe(true);
  });

  it('when the project exists, then there is no create-project option', async () => {
    withCreate();
    renderForm();
    await screen.findByLabelText('Name');
    await waitFor(() => expect(screen.queryByRole('checkbox')).toBeNull());
  });

  it('sends prefilled CVAT labels and link along with the edited fields', async () => {
    const submissions = withCreate();
    const { user } = renderForm({
      name: 'CVAT task 42',
      tags: ['cvat'],
      configuration: { cvat_labels: { value: '[{"name":"car"}]', type: 'json' } },
      cvat_link: { task_id: 42, job_id: 7, project_id: 3, url: 'http://cvat.test/tasks/42' },
    });
    expect(screen.getByLabelText('Name')).toHaveValue('CVAT task 42');
    expect(screen.getByText(/Configuration: cvat_labels/)).toBeInTheDocument();
    await user.click(submit());
    await waitFor(() => expect(submissions).toHaveLength(1));
    expect(submissions[0]!.body).toMatchObject({
      name: 'CVAT task 42',
      tags: ['cvat'],
      configuration: { cvat_labels: { value: '[{"name":"car"}]', type: 'json' } },
      cvat_link: { task_id: 42, job_id: 7, project_id: 3, url: 'http://cvat.test/tasks/42' },
    });
  });
});
