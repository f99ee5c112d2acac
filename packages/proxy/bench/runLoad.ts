import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import type { ListWorkload, Variant } from './listWorkloads.js';

export interface LoadTarget {
  kind: 'direct' | 'proxy';
  /** Base URL (loopback only). */
  url: string;
  /** Bearer token, for direct calls to the emulator. */
  token?: string;
}

export interface LoadPlan {
  connections: number;
  /** Seconds of measured load; or `amount` requests. */
  durationSec?: number;
  amount?: number;
  /** Requests cycled through, one after the other across all connections. */
  variants: readonly Variant[];
}

export interface LoadFigures {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
  /** Answers per HTTP status, e.g. { '200': 4711 }. */
  statuses: Record<string, number>;
}

const REQUEST_TIMEOUT_SEC = 10;

/** The request for one page: GET through the proxy, or the ClearML POST it stands for. */
function requestFor(target: LoadTarget, workload: ListWorkload, v: Variant): AutocannonRequest {
  if (target.kind === 'proxy') return { method: 'GET', path: workload.proxyPath(v) };
  return {
    method: 'POST',
    path: `/${workload.endpoint}`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${target.token ?? ''}`,
    },
    body: JSON.stringify(workload.directBody(v)),
  };
}

/** One bounded autocannon run (duration or count, never both unbounded). */
export async function runLoad(
  target: LoadTarget,
  workload: ListWorkload,
  plan: LoadPlan,
): Promise<LoadFigures> {
  if (!plan.durationSec && !plan.amount) throw new Error('runLoad: a duration or an amount');
  const prepared = plan.variants.map((v) => requestFor(target, workload, v));
  let next = 0;
  const result: AutocannonResult = await autocannon({
    url: target.url,
    connections: plan.connections,
    timeout: REQUEST_TIMEOUT_SEC,
    ...(plan.amount ? { amount: plan.amount } : { duration: plan.durationSec }),
    requests: [
      {
        // One counter shared by every connection, so concurrent requests differ.
        setupRequest: (req) => ({ ...req, ...prepared[next++ % prepared.length] }),
      },
    ],
  });
  const requests = result['2xx'] + result.non2xx;
  return {
    requests,
    rps: requests / Math.max(result.duration, 0.001),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
    ),
  };
}
