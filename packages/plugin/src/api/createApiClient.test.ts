import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProblem, makeSession, pageOf } from '../test/factories';
import { networkError, onGet, onPost, problemResponse } from '../test/handlers';
import { API, server } from '../test/server';
import { ApiError } from './ApiError';
import { createApiClient } from './createApiClient';
import { unwrap } from './unwrap';

const api = createApiClient({ baseUrl: API, csrf: true, timeoutMs: 2_000 });

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('createApiClient', () => {
  afterEach(() => {
    document.cookie = 'csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('sends a project path as one URL-encoded segment', async () => {
    let seen = '';
    server.use(
      onGet('/projects/{project_name}/tasks', ({ url }) => {
        seen = url.pathname;
        return pageOf([]);
      }),
    );
    await unwrap(
      api.GET('/projects/{project_name}/tasks', { params: { path: { project_name: 'A/B c' } } }),
    );
    expect(seen).toBe('/projects/A%2FB%20c/tasks');
  });

  it('repeats array filters as form-exploded query parameters', async () => {
    let query = '';
    server.use(
      onGet('/projects/{project_name}/tasks', ({ url }) => {
        query = url.search;
        return pageOf([]);
      }),
    );
    await unwrap(
      api.GET('/projects/{project_name}/tasks', {
        params: {
          path: { project_name: 'A' },
          query: { status: ['in_progress', 'failed'], page: 2 },
        },
      }),
    );
    expect(query).toBe('?status=in_progress&status=failed&page=2');
  });

  it('when csrf is on, then unsafe methods carry the csrftoken cookie and GETs do not', async () => {
    document.cookie = 'csrftoken=fake-csrf-token';
    const headers: (string | null)[] = [];
    server.use(
      onGet('/session', ({ request }) => {
        headers.push(request.headers.get('X-CSRFToken'));
        return makeSession();
      }),
      http.post(`${API}/projects/:project/tasks/create`, ({ request }) => {
        headers.push(request.headers.get('X-CSRFToken'));
        return problemResponse(makeProblem('validation-error', 400));
      }),
    );
    await unwrap(api.GET('/session'));
    await failure(
      unwrap(
        api.POST('/projects/{project_name}/tasks/create', {
          params: { path: { project_name: 'A' } },
          body: { name: 'x', type: 'training', create_project: false },
        }),
      ),
    );
    expect(headers).toEqual([null, 'fake-csrf-token']);
  });

  it('when fetch itself fails, then the error says the proxy is unreachable', async () => {
    server.use(onGet('/session', () => networkError()));
    const error = await failure(unwrap(api.GET('/session')));
    expect(error.kind).toBe('unreachable');
    expect(error.status).toBe(0);
  });

  it('when the proxy answers 503 clearml-unavailable, then the error says ClearML is unavailable', async () => {
    server.use(onGet('/session', () => problemResponse(makeProblem('clearml-unavailable', 503))));
    const error = await failure(unwrap(api.GET('/session')));
    expect(error.kind).toBe('clearml-unavailable');
    expect(error.problem?.status).toBe(503);
    expect(error.isTransient).toBe(true);
  });

  it('when a gateway answers a bare 502 page, then the proxy counts as unreachable', async () => {
    server.use(
      http.get(
        `${API}/session`,
        () => new HttpResponse('<html>Bad Gateway</html>', { status: 502 }),
      ),
    );
    expect((await failure(unwrap(api.GET('/session')))).kind).toBe('unreachable');
  });

  it('when ClearML times out (504), then the kind is timeout', async () => {
    server.use(onGet('/session', () => problemResponse(makeProblem('clearml-timeout', 504))));
    expect((await failure(unwrap(api.GET('/session')))).kind).toBe('timeout');
  });

  it('when the proxy does not answer within the deadline, then the kind is timeout', async () => {
    const quick = createApiClient({ baseUrl: API, timeoutMs: 50 });
    server.use(http.get(`${API}/session`, () => new Promise<Response>(() => {})));
    const error = await failure(unwrap(quick.GET('/session')));
    expect(error.kind).toBe('timeout');
  });

  it('keeps the problem and its field errors', async () => {
    const problem = makeProblem('validation-error', 400, {
      errors: [{ in: 'body', name: 'script.branch', message: 'too long' }],
    });
    server.use(onPost('/projects/{project_name}/tasks/create', () => problemResponse(problem)));
    const error = await failure(
      unwrap(
        api.POST('/projects/{project_name}/tasks/create', {
          params: { path: { project_name: 'A' } },
          body: { name: 'x', type: 'training', create_project: false },
        }),
      ),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([{ in: 'body', name: 'script.branch', message: 'too long' }]);
    expect(error.message).toBe('validation-error happened');
  });
});
