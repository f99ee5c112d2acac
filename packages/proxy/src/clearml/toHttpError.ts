import {
  HttpError,
  NotFoundError,
  ServiceUnavailableError,
  UpstreamCredentialsError,
  UpstreamError,
  UpstreamTimeoutError,
} from '../errors/index.js';
import { ClearmlCallFailure } from './ClearmlCallFailure.js';

const ENTITY_BY_SUBCODE: Record<number, string> = {
  101: 'Task not found',
  201: 'Model not found',
  401: 'Project not found',
};

/**
 * One mapping from upstream failures to the caller's errors. Details name our entity or the
 * endpoint, never ClearML's own message (it can echo ids, regexes or internal hosts).
 */
export function toHttpError(err: unknown, notFoundDetail?: string): Error {
  if (err instanceof HttpError) return err;
  if (!(err instanceof ClearmlCallFailure))
    return err instanceof Error ? err : new Error(String(err));
  const e = err;
  let out: HttpError;
  if (e.notFound) {
    out = new NotFoundError(notFoundDetail ?? ENTITY_BY_SUBCODE[e.subcode] ?? 'Not found');
  } else {
    switch (e.kind) {
      case 'unreachable':
      case 'reset':
        out = new ServiceUnavailableError('Could not connect to ClearML');
        break;
      case 'circuit-open':
        out = new ServiceUnavailableError(
          'ClearML is unreachable (recent calls failed); retrying shortly',
        );
        break;
      case 'timeout':
        out = new UpstreamTimeoutError(`ClearML did not answer ${e.endpoint} in time`);
        break;
      case 'aborted':
        out = new ServiceUnavailableError('The request was cancelled', 'shutting-down');
        break;
      case 'bad-answer':
        out = new UpstreamError(
          `ClearML answered ${e.status || 'an unreadable response'} to ${e.endpoint} (not ClearML's JSON)`,
        );
        break;
      default:
        if (e.status === 401 && (e.subcode === 20 || e.subcode === 22)) {
          out = new UpstreamCredentialsError("ClearML rejected the proxy's access key or secret");
        } else if (e.status === 401) {
          out = new UpstreamCredentialsError("ClearML rejected the proxy's token");
        } else {
          out = new UpstreamError(`ClearML answered ${e.status}/${e.subcode} to ${e.endpoint}`);
        }
    }
  }
  out.trx = e.trx;
  return out;
}
