// ClearML calls per request, summed into the request's one log line (`clearml_calls`,
// `clearml_ms`). A line per ClearML call doubled the log volume and its cost per request; those
// lines are now debug level, and failed calls are still logged one by one (warn).

export interface CallTally {
  /** The request (its id is the prefix of its calls' trx) starts being counted. */
  open(requestId: string): void;
  /** One finished ClearML call; trx is `<request id>-<n>` (a retry after login ends in "r"). */
  record(trx: string, ms: number): void;
  /** Stops counting the request and gives its figures. */
  close(requestId: string): { calls: number; ms: number };
  /** Wraps the ClearML client's line writer: each call line is recorded, then written. */
  tee(write: (line: Record<string, unknown>) => void): (line: Record<string, unknown>) => void;
}

export function createCallTally(): CallTally {
  // Only requests in flight: calls made outside one (token login, health) are not kept.
  const open = new Map<string, { calls: number; ms: number }>();
  const record = (trx: string, ms: number) => {
    const entry = open.get(trx.slice(0, trx.lastIndexOf('-')));
    if (!entry) return;
    entry.calls += 1;
    entry.ms += ms;
  };
  return {
    open: (requestId) => {
      open.set(requestId, { calls: 0, ms: 0 });
    },
    record,
    close: (requestId) => {
      const entry = open.get(requestId) ?? { calls: 0, ms: 0 };
      open.delete(requestId);
      return { calls: entry.calls, ms: Math.round(entry.ms * 10) / 10 };
    },
    tee: (write) => (line) => {
      if (typeof line.trx === 'string' && typeof line.ms === 'number') record(line.trx, line.ms);
      write(line);
    },
  };
}
