// What went wrong with one upstream call, before it becomes a caller-facing error. Kept
// internal to src/clearml: retries, re-login and idempotent create decide on `kind`, and
// toHttpError() turns every failure into one of src/errors' named errors.
export type FailureKind =
  /** ClearML answered with its JSON envelope and a non-200 result code. */
  | 'api'
  /** An answer that is not ClearML's JSON (plain-text 500, HTML from a reverse proxy, empty). */
  | 'bad-answer'
  /** Could not connect (refused, DNS): the request was never delivered. */
  | 'unreachable'
  /** The connection dropped after the request was sent: it may or may not have been applied. */
  | 'reset'
  /** No answer within the deadline: it may or may not have been applied. */
  | 'timeout'
  /** The caller went away. */
  | 'aborted'
  /** Failing fast: recent calls could not reach ClearML. */
  | 'circuit-open';

export class ClearmlCallFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly endpoint: string,
    readonly trx: string,
    readonly status = 0,
    readonly subcode = 0,
  ) {
    super(`${endpoint}: ${kind}${status ? ` ${status}/${subcode}` : ''}`);
    this.name = 'ClearmlCallFailure';
  }

  /** The request may have been applied although no answer arrived. */
  get ambiguous(): boolean {
    return this.kind === 'reset' || this.kind === 'timeout';
  }

  /** Worth repeating for a read: overload answers and dropped connections. */
  get transient(): boolean {
    if (this.kind === 'reset' || this.kind === 'unreachable') return true;
    if (this.kind === 'api' || this.kind === 'bad-answer') {
      return (
        this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504
      );
    }
    return false;
  }

  /** ClearML's way of saying "no such task / model / project": 400 with subcode 101/201/401. */
  get notFound(): boolean {
    return this.kind === 'api' && this.status === 400 && [101, 201, 401].includes(this.subcode);
  }
}
