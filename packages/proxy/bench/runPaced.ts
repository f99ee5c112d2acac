import { Agent, request } from 'node:http';
import { sleep } from '../src/clearml/sleep.js';
import { askFollowUps, type ListWorkload } from './listWorkloads.js';
import {
  directHeaders,
  figuresOf,
  followUpFor,
  rowsOf,
  type LoadFigures,
  type LoadTarget,
} from './runLoad.js';

export interface PacedPlan {
  /** Keep-alive connections per target (all opened before timing starts). */
  connections: number;
  /** Requests per second to each target, evenly spaced (open loop: a slow answer does not
   * delay the next). */
  rate: number;
  durationSec: number;
}

export interface PacedResult {
  figures: LoadFigures;
  /** Each list's latency, ms, in the order sent. */
  samples: number[];
}

const TIMEOUT_MS = 10_000;

/**
 * A steady request rate to every target at once, their requests interleaved on one schedule
 * (direct, proxy, proxy, direct, …), latency in fractions of a ms from each request's
 * scheduled start. Interleaved, a stall of the machine (another process, the emulator's GC)
 * lands on all targets alike instead of on whichever had its turn, so the difference between
 * their tails is what the proxy adds. autocannon's own rate limit sends each second's quota in
 * one burst, which measures queueing instead.
 */
export async function runPaced(
  targets: readonly LoadTarget[],
  workload: ListWorkload,
  plan: PacedPlan,
): Promise<PacedResult[]> {
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: plan.connections }));
  const list = (t: number, i: number) =>
    once(agents[t] as Agent, targets[t] as LoadTarget, workload, i);
  try {
    // Open every connection first, so the timed part reuses them.
    await Promise.all(
      targets.flatMap((_, t) => Array.from({ length: plan.connections }, (_, i) => list(t, i))),
    );
    const n = targets.length;
    const total = Math.round(plan.rate * plan.durationSec) * n;
    const spacing = 1000 / (plan.rate * n);
    const started = performance.now();
    const results: Promise<{ target: number; ms: number; status: number }>[] = [];
    while (results.length < total) {
      const due = started + results.length * spacing;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait - 1);
      else {
        const k = results.length;
        // Target k % n gets its own request number, so each cycles through all variants.
        const t = k % n;
        results.push(
          list(t, Math.floor(k / n)).then((r) => ({
            target: t,
            status: r.status,
            ms: performance.now() - due,
          })),
        );
      }
    }
    const done = await Promise.all(results);
    const seconds = (performance.now() - started) / 1000;
    return targets.map((_, t) => {
      const mine = done.filter((d) => d.target === t);
      return { figures: figuresOf(mine, seconds), samples: mine.map((d) => d.ms) };
    });
  } finally {
    for (const agent of agents) agent.destroy();
  }
}

/** One list: a proxy GET, or the direct calls for the same data. Status 0 = no answer. */
async function once(
  agent: Agent,
  target: LoadTarget,
  workload: ListWorkload,
  i: number,
): Promise<{ status: number; ms: number }> {
  const v = workload.variants[i % workload.variants.length];
  if (!v) throw new Error(`${workload.name}: no requests to send`);
  if (target.kind === 'proxy') {
    return send(agent, `${target.url}${workload.proxyPath(v)}`, 'GET', {}, undefined, false);
  }
  const headers = directHeaders(target);
  const body = JSON.stringify(workload.directBody(v));
  const followUp = followUpFor(target, workload);
  const url = `${target.url}/${workload.endpoint}`;
  let last = await send(agent, url, 'POST', headers, body, followUp !== undefined);
  if (!followUp || last.status !== 200) return last;
  await askFollowUps(followUp, rowsOf(workload, last.text ?? ''), async (next) => {
    last = await send(
      agent,
      `${target.url}/${followUp.endpoint}`,
      'POST',
      headers,
      JSON.stringify(next),
      true,
    );
    return last.status === 200 ? rowsOf(workload, last.text ?? '') : undefined;
  });
  return last;
}

/**
 * One HTTP request; never rejects. The body is read to its end either way, but decoded only
 * when a follow-up needs its rows: the generator shares the cores with what it measures.
 */
function send(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  keepText: boolean,
): Promise<{ status: number; ms: number; text?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        if (keepText) chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: 0,
          text: keepText ? Buffer.concat(chunks).toString('utf8') : undefined,
        }),
      );
      res.on('error', () => resolve({ status: 0, ms: 0 }));
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy());
    req.on('error', () => resolve({ status: 0, ms: 0 }));
    req.end(body);
  });
}
