// msw handlers typed by the generated contract: a resolver must return the endpoint's success
// body (or a Response for errors), so a fixture that drifts from openapi.yaml fails to compile.
import { http, HttpResponse, type PathParams } from 'msw';
import type { paths } from '@cvat-clearml/proxy/openapi-types';
import type { Problem } from '../api/types';
import { API } from './server';

type Method = 'get' | 'post';
type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined | never ? never : P;
}[keyof paths];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<P extends keyof paths, M extends Method> =
  NonNullable<paths[P][M]> extends { responses: infer R }
    ? R extends { 200: infer Ok }
      ? Json<Ok>
      : R extends { 201: infer Created }
        ? Json<Created>
        : never
    : never;

export interface Received {
  url: URL;
  request: Request;
  params: PathParams;
}

type Reply<B> = (received: Received) => B | Response | Promise<B | Response>;

function mswPath(path: string): string {
  return API + path.replace(/\{(\w+)\}/g, ':$1');
}

function handler<M extends Method, P extends PathsWith<M>>(
  method: M,
  path: P,
  reply: Reply<Success<P, M>>,
) {
  return http[method](mswPath(path), async ({ request, params }) => {
    const result = await reply({ url: new URL(request.url), request, params });
    return result instanceof Response
      ? result
      : HttpResponse.json(result as object, { status: method === 'post' ? 201 : 200 });
  });
}

export const onGet = <P extends PathsWith<'get'>>(path: P, reply: Reply<Success<P, 'get'>>) =>
  handler('get', path, reply);
export const onPost = <P extends PathsWith<'post'>>(path: P, reply: Reply<Success<P, 'post'>>) =>
  handler('post', path, reply);

export function problemResponse(problem: Problem): Response {
  return HttpResponse.json(problem, {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** What a dead proxy looks like to fetch: the request throws. */
export function networkError(): Response {
  return HttpResponse.error();
}
