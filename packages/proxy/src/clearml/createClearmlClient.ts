import { randomUUID } from 'node:crypto';
import { ClearmlCallFailure } from './ClearmlCallFailure.js';
import { createCircuitBreaker, type CircuitBreaker } from './createCircuitBreaker.js';
import { createClearmlTransport, type LogLine } from './createClearmlTransport.js';
import { createTokenManager, type TokenManager } from './createTokenManager.js';
import { sleep } from './sleep.js';

export interface ClearmlClientOptions {
  apiHost: string;
  accessKey: string;
  secretKey: string;
  timeoutMs: number;
  readRetryBudgetMs: number;
  log: LogLine;
  now: () => number;
  /** 0..1, for backoff jitter (tests may fix it). */
  random?: () => number;
}

export interface CallOptions {
  /** Reads are retried on transient failures; writes never are. */
  kind: 'read' | 'write';
  signal?: AbortSignal;
  requestId?: string;
  timeoutMs?: number;
  /** No retries at all (health checks). */
  noRetry?: boolean;
  /** No token (debug.ping). */
  anonymous?: boolean;
  /** Go out even while the circuit is open (health checks must see recovery). */
  bypassCircuit?: boolean;
}

export interface ClearmlClient {
  /** One ClearML call: answers `data`, or throws a ClearmlCallFailure. */
  call(endpoint: string, body: Record<string, unknown>, opts: CallOptions): Promise<unknown>;
  readonly tokens: TokenManager;
  readonly circuit: CircuitBreaker;
  close(): void;
}

const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 1000;

/**
 * Transport + token + retries + circuit breaker: everything about "getting an answer out of
 * ClearML", and nothing about what the answer means.
 */
export function createClearmlClient(options: ClearmlClientOptions): ClearmlClient {
  const random = options.random ?? Math.random;
  const transport = createClearmlTransport({
    apiHost: options.apiHost,
    log: options.log,
    now: options.now,
  });
  const tokens = createTokenManager({
    transport,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    timeoutMs: options.timeoutMs,
    now: options.now,
  });
  const circuit = createCircuitBreaker({ threshold: 3, openMs: 1000, now: options.now });
  const trxCounters = new Map<string, number>();

  function nextTrx(requestId: string | undefined): string {
    const id = requestId ?? randomUUID();
    const n = (trxCounters.get(id) ?? 0) + 1;
    // Bounded: counters of requests long finished are not worth keeping.
    if (trxCounters.size > 10_000) trxCounters.clear();
    trxCounters.set(id, n);
    return `${id}-${n}`;
  }

  /** Reports every outcome to the circuit breaker. */
  async function observed<T>(trx: string, endpoint: string, run: () => Promise<T>, o: CallOptions) {
    if (!o.bypassCircuit && !circuit.allow()) {
      throw new ClearmlCallFailure('circuit-open', endpoint, trx);
    }
    try {
      const result = await run();
      circuit.succeeded();
      return result;
    } catch (err) {
      if (err instanceof ClearmlCallFailure) {
        if (err.kind === 'unreachable' || err.kind === 'reset') circuit.failed();
        else if (err.kind === 'timeout' || err.kind === 'aborted') circuit.inconclusive();
        else circuit.succeeded();
      }
      throw err;
    }
  }

  async function attempt(endpoint: string, body: Record<string, unknown>, o: CallOptions) {
    const trx = nextTrx(o.requestId);
    const timeoutMs = o.timeoutMs ?? options.timeoutMs;
    return observed(
      trx,
      endpoint,
      async () => {
        if (o.anonymous) {
          return transport.post({
            endpoint,
            body,
            auth: undefined,
            trx,
            timeoutMs,
            signal: o.signal,
          });
        }
        const token = await tokens.token(trx);
        try {
          return await transport.post({
            endpoint,
            body,
            auth: { bearer: token },
            trx,
            timeoutMs,
            signal: o.signal,
            fresh: o.kind === 'write',
          });
        } catch (err) {
          // Expired or revoked token (401/30): log in again once and repeat once. A 401 means
          // the call was not applied, so repeating a write is safe too.
          if (!(err instanceof ClearmlCallFailure) || err.kind !== 'api' || err.status !== 401) {
            throw err;
          }
          tokens.invalidate(token);
          const fresh = await tokens.token(trx);
          return transport.post({
            endpoint,
            body,
            auth: { bearer: fresh },
            trx: `${trx}r`,
            timeoutMs,
            signal: o.signal,
            fresh: o.kind === 'write',
          });
        }
      },
      o,
    );
  }

  async function call(endpoint: string, body: Record<string, unknown>, o: CallOptions) {
    if (o.kind === 'write' || o.noRetry) return attempt(endpoint, body, o);
    const deadline = options.now() + options.readRetryBudgetMs;
    for (let i = 0; ; i++) {
      try {
        return await attempt(endpoint, body, o);
      } catch (err) {
        if (!(err instanceof ClearmlCallFailure) || !err.transient) throw err;
        // Full jitter between half and all of the exponential step.
        const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** i);
        const delay = step / 2 + (random() * step) / 2;
        if (options.now() + delay >= deadline) throw err;
        await sleep(delay, o.signal).catch(() => {
          throw new ClearmlCallFailure('aborted', endpoint, err.trx);
        });
      }
    }
  }

  return { call, tokens, circuit, close: () => transport.close() };
}
