import type { Problem } from './types';

const PROBLEM_PREFIX = 'urn:cvat-clearml:problem:';

/**
 * What went wrong, in the terms the panel shows to a user. `unreachable` means the proxy
 * itself could not be reached; `clearml-unavailable` means the proxy answered but ClearML
 * behind it did not.
 */
export type ApiErrorKind =
  | 'unreachable'
  | 'clearml-unavailable'
  | 'timeout'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'rate-limited'
  | 'upstream'
  | 'unknown';

export type FieldProblem = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** 0 when no HTTP answer arrived at all. */
  readonly status: number;
  readonly problem: Problem | null;

  constructor(kind: ApiErrorKind, status: number, problem: Problem | null, message: string) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }

  /** Worth retrying the same request unchanged (the server may answer differently). */
  get isTransient(): boolean {
    return ['unreachable', 'clearml-unavailable', 'timeout', 'upstream', 'rate-limited'].includes(
      this.kind,
    );
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(
      'unreachable',
      0,
      null,
      'The ClearML proxy could not be reached. Check your connection or that the proxy is running.',
    );
    error.cause = cause;
    return error;
  }

  static timeout(seconds: number): ApiError {
    return new ApiError(
      'timeout',
      0,
      null,
      `The ClearML proxy did not answer within ${seconds} s.`,
    );
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    const problem = isProblem(body) ? body : null;
    const kind = problem ? kindOfProblem(problem) : kindOfBareStatus(response.status);
    const message =
      problem?.detail ??
      problem?.title ??
      `The proxy answered ${response.status} ${response.statusText}`;
    return new ApiError(kind, response.status, problem, message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).type === 'string' &&
    typeof (body as Problem).status === 'number'
  );
}

function kindOfProblem(problem: Problem): ApiErrorKind {
  const code = problem.type.startsWith(PROBLEM_PREFIX)
    ? problem.type.slice(PROBLEM_PREFIX.length)
    : '';
  switch (code) {
    case 'clearml-unavailable':
      return 'clearml-unavailable';
    case 'clearml-timeout':
      return 'timeout';
    case 'unauthenticated':
      return 'unauthenticated';
    case 'forbidden':
    case 'csrf-failed':
    case 'read-only':
      return 'forbidden';
    case 'not-found':
      return 'not-found';
    case 'validation-error':
    case 'payload-too-large':
    case 'unsupported-media-type':
      return 'validation';
    case 'idempotency-key-reused':
      return 'conflict';
    case 'rate-limited':
      return 'rate-limited';
    case 'clearml-error':
    case 'clearml-credentials-invalid':
      return 'upstream';
    case 'shutting-down':
      return 'unreachable';
    default:
      if (problem.status === 502) return 'upstream';
      if (problem.status === 504) return 'timeout';
      return kindOfBareStatus(problem.status);
  }
}

// A bare 502/503/504 without a problem body comes from whatever sits in front of the proxy
// (Traefik, Vite's dev proxy): the proxy itself is not answering.
function kindOfBareStatus(status: number): ApiErrorKind {
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate-limited';
  return 'unknown';
}
