// Named errors: code anywhere throws these; one terminal middleware (problemMiddleware) turns
// them into application/problem+json. Messages must never contain secrets, tokens or upstream
// URLs: they are shown to callers.

export type ProblemSlug =
  | 'validation-error'
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf-failed'
  | 'read-only'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'idempotency-key-reused'
  | 'clearml-error'
  | 'clearml-credentials-invalid'
  | 'clearml-unavailable'
  | 'clearml-timeout'
  | 'cvat-unavailable'
  | 'shutting-down'
  | 'internal-error';

export const problemType = (slug: ProblemSlug): string => `urn:cvat-clearml:problem:${slug}`;

export interface FieldProblem {
  in?: 'path' | 'query' | 'header' | 'body';
  name: string;
  message: string;
}

export abstract class HttpError extends Error {
  abstract readonly status: number;
  abstract readonly slug: ProblemSlug;
  abstract readonly title: string;
  /** ClearML transaction id of the failing upstream call, for log correlation. */
  trx?: string;
  /** Extra response headers (e.g. Retry-After). */
  headers: Record<string, string> = {};
}

export class InputError extends HttpError {
  readonly status = 400;
  readonly slug = 'validation-error';
  readonly title = 'Invalid request';
  constructor(
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = 'Not found';
}

export class AuthenticationError extends HttpError {
  readonly status = 401;
  readonly slug = 'unauthenticated';
  readonly title = 'Authentication required';
}

export class NotAllowedError extends HttpError {
  readonly status = 403;
  readonly title = 'Forbidden';
  constructor(
    message: string,
    readonly slug: 'forbidden' | 'csrf-failed' | 'read-only' = 'forbidden',
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends HttpError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = 'Request body too large';
}

export class UnsupportedMediaTypeError extends HttpError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}

export class ConflictError extends HttpError {
  readonly status = 422;
  readonly slug = 'idempotency-key-reused';
  readonly title = 'Idempotency-Key reused for a different request';
}

export class RateLimitedError extends HttpError {
  readonly status = 429;
  readonly slug = 'rate-limited';
  readonly title = 'Too many requests';
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}

/** ClearML answered with a failure (5xx, or something that is not ClearML's JSON). */
export class UpstreamError extends HttpError {
  readonly status = 502;
  readonly slug = 'clearml-error';
  readonly title = 'ClearML failed';
}

/** ClearML rejected the proxy's own key: a deployment problem, not the caller's fault. */
export class UpstreamCredentialsError extends HttpError {
  readonly status = 502;
  readonly slug = 'clearml-credentials-invalid';
  readonly title = "ClearML rejected the proxy's credentials";
}

export class ServiceUnavailableError extends HttpError {
  readonly status = 503;
  readonly title: string;
  constructor(
    message: string,
    readonly slug:
      'clearml-unavailable' | 'cvat-unavailable' | 'shutting-down' = 'clearml-unavailable',
  ) {
    super(message);
    this.title =
      slug === 'cvat-unavailable'
        ? 'CVAT unavailable'
        : slug === 'shutting-down'
          ? 'Shutting down'
          : 'ClearML unavailable';
  }
}

export class UpstreamTimeoutError extends HttpError {
  readonly status = 504;
  readonly slug = 'clearml-timeout';
  readonly title = 'ClearML timed out';
}
