import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { MAX_FOLLOW_UPS, type ListWorkload, type Row, type Variant } from './listWorkloads.js';

export interface LoadTarget {
  kind: 'direct' | 'proxy';
  /** Base URL (loopback only). */
  url: string;
  /** Bearer token, for direct calls to the emulator. */
  token?: string;
  /**
   * Direct only: send the page call alone, without the workload's follow-up call. Not the same
   * data as the proxy's answer; shown beside the fair baseline so the difference is visible.
   */
  firstCallOnly?: boolean;
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
  /** Answered requests; for a direct list of several calls, complete lists. */
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

/** The workload's follow-up calls when this target makes them: direct, and not page-only. */
export function followUpFor(target: LoadTarget, workload: ListWorkload): ListWorkload['followUp'] {
  return target.kind === 'direct' && !target.firstCallOnly ? workload.followUp : undefined;
}

export function directHeaders(target: LoadTarget): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${target.token ?? ''}` };
}

/** The rows of a ClearML answer (`{meta, data: {<rowsKey>: [...]}}`), [] when it is not one. */
export function rowsOf(workload: ListWorkload, body: string): Row[] {
  try {
    const parsed = JSON.parse(body) as { data?: Row };
    const rows = parsed.data?.[workload.rowsKey];
    return Array.isArray(rows) ? (rows as Row[]) : [];
  } catch {
    return [];
  }
}

/** The request for one page: GET through the proxy, or the ClearML POST it stands for. */
function requestFor(target: LoadTarget, workload: ListWorkload, v: Variant): AutocannonRequest {
  if (target.kind === 'proxy') return { method: 'GET', path: workload.proxyPath(v) };
  return {
    method: 'POST',
    path: `/${workload.endpoint}`,
    headers: directHeaders(target),
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
  // One counter shared by every connection, so concurrent requests differ.
  const page: AutocannonRequest = {
    setupRequest: (req) => ({ ...req, ...prepared[next++ % prepared.length] }),
  };
  const followUp = followUpFor(target, workload);
  // Several calls per list: autocannon times each call, so the list is timed here, from the
  // page call's setup to the last answer (autocannon sends a request right after its setup).
  const listMs: number[] = [];
  const requests: AutocannonRequest[] = [page];
  if (followUp) {
    // After each answer: the next call, or the list is complete and its time recorded.
    const answered = (context: Record<string, unknown>, status: number) => {
      const answers = context.answers as Row[][];
      context.nextBody = status === 200 ? followUp.next(context.rows as Row[], answers) : undefined;
      if (status === 200 && !context.nextBody) {
        listMs.push(performance.now() - (context.started as number));
      }
    };
    requests[0] = {
      setupRequest: (req, context) => {
        context.started = performance.now();
        return page.setupRequest?.(req, context) ?? req;
      },
      onResponse: (status, body, context) => {
        context.rows = rowsOf(workload, body);
        context.answers = [];
        answered(context, status);
      },
    };
    for (let i = 0; i < MAX_FOLLOW_UPS; i++) {
      requests.push({
        // Nothing to ask: autocannon goes back to a new page call.
        setupRequest: (req, context) => {
          const next = context.nextBody as Row | undefined;
          if (!next) return undefined;
          return {
            ...req,
            method: 'POST',
            path: `/${followUp.endpoint}`,
            headers: directHeaders(target),
            body: JSON.stringify(next),
          };
        },
        onResponse: (status, body, context) => {
          (context.answers as Row[][]).push(rowsOf(workload, body));
          answered(context, status);
        },
      });
    }
  }
  const result: AutocannonResult = await autocannon({
    url: target.url,
    connections: plan.connections,
    timeout: REQUEST_TIMEOUT_SEC,
    ...(plan.amount ? { amount: plan.amount } : { duration: plan.durationSec }),
    requests,
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  const errors = result.errors + result.timeouts;
  if (followUp) {
    const lists = listMs.map((ms) => ({ ms, status: 200 }));
    return { ...figuresOf(lists, result.duration), errors, non2xx: result.non2xx, statuses };
  }
  const requestCount = result['2xx'] + result.non2xx;
  return {
    requests: requestCount,
    rps: requestCount / Math.max(result.duration, 0.001),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors,
    non2xx: result.non2xx,
    statuses,
  };
}

/** p50/p99/max and statuses of one target's answers (status 0 = no answer). */
export function figuresOf(done: { ms: number; status: number }[], seconds: number): LoadFigures {
  const ms = done.map((d) => d.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const d of done) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * q))] ?? 0;
  const ok = done.filter((d) => d.status >= 200 && d.status < 300).length;
  const failed = done.filter((d) => d.status === 0).length;
  return {
    requests: done.length,
    rps: done.length / Math.max(seconds, 0.001),
    p50Ms: round2(at(0.5)),
    p99Ms: round2(at(0.99)),
    maxMs: round2(ms[ms.length - 1] ?? 0),
    errors: failed,
    non2xx: done.length - ok - failed,
    statuses,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
