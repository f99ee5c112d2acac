import type { ErrorRequestHandler, Response } from 'express';
import { HttpError, InputError, problemType, type FieldProblem } from './errors.js';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  trx?: string;
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(
  res: Response,
  body: ProblemBody,
  headers: Record<string, string> = {},
) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Errors thrown by Express's own body parser carry `status`/`type`; map them to our problems. */
function fromBodyParser(err: unknown): HttpError | ProblemBody | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { type?: unknown; status?: unknown };
  if (e.type === 'entity.too.large') {
    return {
      type: problemType('payload-too-large'),
      title: 'Request body too large',
      status: 413,
      detail: 'The request body is larger than the limit',
    };
  }
  if (e.type === 'entity.parse.failed') {
    return new InputError('The request body is not valid JSON', [
      { in: 'body', name: '', message: 'not valid JSON' },
    ]);
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return {
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      status: 415,
      detail: 'Unsupported content encoding or charset',
    };
  }
  // http-errors from Express's own helpers (send: a missing static file; body-parser: a body
  // whose bytes do not match its Content-Encoding) carry `expose` instead of `type`.
  const expose = (err as { expose?: unknown }).expose === true;
  if (e.status === 404 && expose) {
    return { type: problemType('not-found'), title: 'Not found', status: 404, detail: 'Not found' };
  }
  if (
    typeof e.status === 'number' &&
    e.status >= 400 &&
    e.status < 500 &&
    (typeof e.type === 'string' || expose)
  ) {
    return {
      type: problemType('validation-error'),
      title: 'Invalid request',
      status: e.status,
      detail: 'The request could not be read',
    };
  }
  return undefined;
}

/**
 * The one place errors become HTTP answers. Anything that is not a named error is a bug:
 * it is logged in full (server-side) and the caller sees a generic 500 with no internals.
 */
export function problemMiddleware(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    // The caller hung up before the answer was ready (its request's work was aborted): nobody is
    // left to answer, and it is not a failure of the proxy worth an error log.
    if (res.destroyed || req.socket.destroyed) return;
    const mapped = err instanceof HttpError ? err : fromBodyParser(err);
    if (mapped instanceof HttpError) {
      const body: ProblemBody = {
        type: problemType(mapped.slug),
        title: mapped.title,
        status: mapped.status,
        detail: mapped.message,
        instance: req.originalUrl.split('?')[0],
      };
      if (mapped.trx) body.trx = mapped.trx;
      if (mapped instanceof InputError && mapped.errors.length > 0) body.errors = mapped.errors;
      sendProblem(res, body, mapped.headers);
      return;
    }
    if (mapped) {
      sendProblem(res, { ...mapped, instance: req.originalUrl.split('?')[0] });
      return;
    }
    log(err);
    sendProblem(res, {
      type: problemType('internal-error'),
      title: 'Internal error',
      status: 500,
      detail: 'The proxy failed unexpectedly; the error was logged',
    });
  };
}
