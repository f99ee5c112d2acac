// Compile-time proof that the client is typed from openapi.yaml: every line marked
// expect-error directive must fail to compile, or `pnpm typecheck` fails.
import { createApiClient } from './createApiClient';

const api = createApiClient({ baseUrl: '' });

export async function typeChecks(): Promise<void> {
  // Correct calls compile.
  await api.GET('/projects', { params: { query: { parent: 'A', page_size: 500 } } });
  await api.GET('/projects/{project_name}/tasks', {
    params: { path: { project_name: 'A/B' }, query: { status: ['in_progress', 'failed'] } },
  });

  // @ts-expect-error a path the contract does not have
  await api.GET('/project');
  // @ts-expect-error a query parameter the contract does not have
  await api.GET('/projects', { params: { query: { parnet: 'A' } } });
  await api.GET('/projects/{project_name}/tasks', {
    // @ts-expect-error a status value outside the TaskStatus enum
    params: { path: { project_name: 'A' }, query: { status: ['running'] } },
  });
  // @ts-expect-error the path parameter is required
  await api.GET('/projects/{project_name}/tasks', { params: { query: {} } });
  await api.POST('/projects/{project_name}/tasks/create', {
    params: { path: { project_name: 'A' } },
    // @ts-expect-error the body needs a name
    body: { type: 'training' },
  });
  // @ts-expect-error GET has no create endpoint
  await api.GET('/projects/{project_name}/tasks/create', {
    params: { path: { project_name: 'A' } },
  });

  const { data } = await api.GET('/models/{model_id}', { params: { path: { model_id: 'm' } } });
  // @ts-expect-error the response type comes from the spec: no such field
  void data?.no_such_field;
}
