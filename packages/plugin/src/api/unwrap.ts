import { ApiError } from './ApiError';

interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: its data on success, an ApiError for every kind of failure. */
export async function unwrap<D>(call: Promise<FetchResult<D>>): Promise<D> {
  let result: FetchResult<D>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError || isAbort(error)) throw error;
    throw ApiError.network(error);
  }
  if (!result.response.ok || result.error !== undefined) {
    throw ApiError.fromResponse(result.response, result.error);
  }
  return result.data as D;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
