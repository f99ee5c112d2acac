import { Agent, request } from 'node:http';
import type { ListWorkload } from './listWorkloads.js';
import type { LoadFigures, LoadTarget } from './runLoad.js';

export interface PacedPlan {
  /** Keep-alive connections opened (all of them, before timing starts). */
  connections: number;
  /** Requests per second, evenly spaced (open loop: a slow answer does not delay the next). */
  rate: number;
  durationSec: number;
}

const TIMEOUT_MS = 10_000;

/**
 * A steady request rate over `connections` open sockets, latency in fractions of a ms from
 * each request's scheduled start. autocannon's own rate limit sends each second's quota in one
 * burst, which measures queueing rather than what the proxy adds.
 */
export async function runPaced(
  target: LoadTarget,
  workload: ListWorkload,
  plan: PacedPlan,
): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const send = (i: number) => once(agent, target, workload, i);
  try {
    // Open every connection first, so the timed part reuses them.
    await Promise.all(Array.from({ length: plan.connections }, (_, i) => send(i)));
    const total = Math.round(plan.rate * plan.durationSec);
    const spacing = 1000 / plan.rate;
    const started = performance.now();
    const results: Promise<{ ms: number; status: number }>[] = [];
    while (results.length < total) {
      const due = started + results.length * spacing;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait - 1));
      else {
        const i = results.length;
        results.push(send(i).then((r) => ({ ...r, ms: performance.now() - due })));
      }
    }
    const done = await Promise.all(results);
    const ms = done.map((d) => d.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const d of done) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * q))] ?? 0;
    const ok = done.filter((d) => d.status >= 200 && d.status < 300).length;
    return {
      requests: done.length,
      rps: done.length / ((performance.now() - started) / 1000),
      p50Ms: round2(at(0.5)),
      p99Ms: round2(at(0.99)),
      maxMs: round2(ms[ms.length - 1] ?? 0),
      errors: done.filter((d) => d.status === 0).length,
      non2xx: done.length - ok - done.filter((d) => d.status === 0).length,
      statuses,
    };
  } finally {
    agent.destroy();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One request; status 0 = no answer (error or timeout). Never rejects. */
function once(
  agent: Agent,
  target: LoadTarget,
  workload: ListWorkload,
  i: number,
): Promise<{ status: number; ms: number }> {
  const v = workload.variants[i % workload.variants.length];
  if (!v) throw new Error(`${workload.name}: no requests to send`);
  const direct = target.kind === 'direct';
  const path = direct ? `/${workload.endpoint}` : workload.proxyPath(v);
  const body = direct ? JSON.stringify(workload.directBody(v)) : undefined;
  const headers: Record<string, string> = direct
    ? { 'content-type': 'application/json', authorization: `Bearer ${target.token ?? ''}` }
    : {};
  return new Promise((resolve) => {
    const req = request(
      `${target.url}${path}`,
      { method: direct ? 'POST' : 'GET', agent, headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: 0 }));
        res.on('error', () => resolve({ status: 0, ms: 0 }));
      },
    );
    req.setTimeout(TIMEOUT_MS, () => req.destroy());
    req.on('error', () => resolve({ status: 0, ms: 0 }));
    req.end(body);
  });
}
