import { sleep } from '../src/clearml/sleep.js';
import { targetsFor, type BenchContext, type BenchTarget } from './benchContext.js';
import type { ListWorkload } from './listWorkloads.js';
import { connectionsTo, cpuMs, rssMiB, sampleMax } from './procStats.js';
import { figuresOf, runLoad, type LoadFigures } from './runLoad.js';
import { runPaced, type PacedResult } from './runPaced.js';

export interface ThroughputRow {
  workload: string;
  target: string;
  /** Median over the rounds of req/s, p50 and p99; counts summed. */
  figures: LoadFigures;
  /** req/s of each round, in round order. */
  rounds: number[];
  /**
   * Median over the rounds of this target's req/s over direct's in the same round (not on
   * "direct"): each ratio compares turns a few seconds apart, so a slow spell of the machine
   * moves one round's ratio instead of one target's figure.
   */
  vsDirect?: number;
  roundRatios?: number[];
  /**
   * Largest proxy RSS (MiB) seen during the runs, and most upstream sockets open at the end of
   * a run (proxy rows only): pooled keep-alive sockets outlive the run by seconds, so the count
   * right after it is the pool the run grew.
   */
  rssMaxMiB?: number;
  upstreamSockets?: number;
  /**
   * CPU ms per request spent by the proxy and by the emulator: unlike req/s, this hardly
   * depends on what else the machine is doing.
   */
  proxyCpuMsPerReq?: number;
  emulatorCpuMsPerReq: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Pause between turns: the requests a turn leaves in flight are answered before the next starts. */
const SETTLE_MS = 200;

/**
 * Saturating load (as fast as answered) at `connections`, for direct and both proxies. The
 * targets take turns in short rounds, in the reverse order every other round, so a burst of
 * other work on the machine, or a drift over the run, hits them alike.
 */
export async function measureThroughput(
  ctx: BenchContext,
  workload: ListWorkload,
): Promise<ThroughputRow[]> {
  const targets = targetsFor(ctx, workload);
  const plan = { connections: ctx.connections, variants: workload.variants };
  const perRound = ctx.durationSec / ctx.rounds;
  const acc = new Map<string, { runs: LoadFigures[]; cpuProxy: number; cpuEmu: number }>();
  const rss = new Map<string, number>();
  const sockets = new Map<string, number>();
  await saturateEach(ctx, workload, ctx.warmupSec);
  for (const t of targets) acc.set(t.label, { runs: [], cpuProxy: 0, cpuEmu: 0 });
  for (let round = 0; round < ctx.rounds; round++) {
    for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
      const a = acc.get(t.label);
      if (!a) continue;
      await sleep(SETTLE_MS);
      const { result, cpuProxy, cpuEmu, rssMax, socketsMax } = await measured(ctx, t, () =>
        runLoad(t.load, workload, { ...plan, durationSec: perRound }),
      );
      a.runs.push(result);
      a.cpuProxy += cpuProxy;
      a.cpuEmu += cpuEmu;
      if (rssMax !== undefined) rss.set(t.label, Math.max(rss.get(t.label) ?? 0, rssMax));
      if (socketsMax !== undefined) {
        sockets.set(t.label, Math.max(sockets.get(t.label) ?? 0, socketsMax));
      }
    }
  }
  const directRuns = acc.get(targets[0]?.label ?? 'direct')?.runs ?? [];
  return targets.map((t, i) => {
    const a = acc.get(t.label) ?? { runs: [], cpuProxy: 0, cpuEmu: 0 };
    const ratios =
      i === 0 ? undefined : a.runs.map((r, round) => r.rps / (directRuns[round]?.rps || 1));
    const requests = a.runs.reduce((n, r) => n + r.requests, 0);
    const n = Math.max(requests, 1);
    return {
      workload: workload.name,
      target: t.label,
      figures: {
        requests,
        rps: median(a.runs.map((r) => r.rps)),
        p50Ms: median(a.runs.map((r) => r.p50Ms)),
        p99Ms: median(a.runs.map((r) => r.p99Ms)),
        maxMs: Math.max(...a.runs.map((r) => r.maxMs)),
        errors: a.runs.reduce((x, r) => x + r.errors, 0),
        non2xx: a.runs.reduce((x, r) => x + r.non2xx, 0),
        statuses: sumStatuses(a.runs),
      },
      rounds: a.runs.map((r) => Math.round(r.rps)),
      vsDirect: ratios && median(ratios),
      roundRatios: ratios?.map((x) => Math.round(x * 100) / 100),
      rssMaxMiB: rss.get(t.label),
      upstreamSockets: sockets.get(t.label),
      proxyCpuMsPerReq: t.proxy ? a.cpuProxy / n : undefined,
      emulatorCpuMsPerReq: a.cpuEmu / n,
    };
  });
}

function sumStatuses(runs: LoadFigures[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) {
    for (const [code, n] of Object.entries(r.statuses)) out[code] = (out[code] ?? 0) + n;
  }
  return out;
}

/**
 * Runs `load` while sampling the proxy's RSS and counting CPU time; counts the proxy's upstream
 * sockets once the run is over. Not during it: counting them reads every /proc/<pid>/fd link,
 * 8 ms of the load generator's CPU and event loop under load, which, every 200 ms, cost the
 * proxy rows (and only them) 4% of a core that the proxy and the emulator were short of.
 */
async function measured(ctx: BenchContext, t: BenchTarget, load: () => Promise<LoadFigures>) {
  const emuPid = ctx.emulator.child.pid;
  const proxyPid = t.proxy?.child.pid;
  const rss = proxyPid !== undefined ? sampleMax(() => rssMiB(proxyPid)) : undefined;
  const cpu = () => ({ emu: cpuMs(emuPid), proxy: proxyPid !== undefined ? cpuMs(proxyPid) : 0 });
  const cpu0 = cpu();
  const result = await load();
  const cpu1 = cpu();
  return {
    result,
    cpuEmu: cpu1.emu - cpu0.emu,
    cpuProxy: cpu1.proxy - cpu0.proxy,
    rssMax: rss?.stop(),
    socketsMax: proxyPid !== undefined ? connectionsTo(proxyPid, ctx.emulator.port) : undefined,
  };
}

export interface LatencyRow {
  workload: string;
  target: string;
  rate: number;
  /** Over every round's samples together: p50, p99, max. */
  figures: LoadFigures;
  p99Rounds: number[];
  /** Direct calls measured in the same run, interleaved with this target's (not on "direct"). */
  baseline?: LoadFigures;
}

/** After the warm-up: V8's compiler threads finish their queue and the garbage is collected. */
const JIT_SETTLE_MS = 1000;

/**
 * Before any figure: every target gets `jitWarmupSec` of saturating load on every list, then a
 * pause. The proxies are measured as they run in service, warm, not while V8 still compiles
 * them: after the 1 s paced warm-up alone, a cache-off proxy spent ~0.5 s of CPU on V8's
 * compiler threads during the next 16 s of paced tasks requests, and 1.8 ms of CPU a request
 * against 1.15-1.22 ms once warm (see the README).
 */
export async function warmUp(ctx: BenchContext, workloads: readonly ListWorkload[]): Promise<void> {
  for (const workload of workloads) await saturateEach(ctx, workload, ctx.jitWarmupSec);
  await sleep(JIT_SETTLE_MS);
}

/** Unmeasured saturating load on this list, each target in turn. */
async function saturateEach(ctx: BenchContext, workload: ListWorkload, durationSec: number) {
  for (const t of targetsFor(ctx, workload)) {
    await runLoad(t.load, workload, {
      connections: ctx.connections,
      variants: workload.variants,
      durationSec,
    });
  }
}

/**
 * Latency at a steady rate every target can sustain (50 connections each, `rate` req/s to
 * each): what the proxy adds to each request, without the queueing of a saturated run. Each
 * target is measured side by side with direct calls, their requests interleaved on one schedule
 * (see runPaced), in a few rounds; the figures pool every round's samples. The "direct" row
 * pools its samples from all those runs.
 */
export async function measureLatency(
  ctx: BenchContext,
  workload: ListWorkload,
): Promise<LatencyRow[]> {
  const [direct, ...others] = targetsFor(ctx, workload);
  if (!direct) return [];
  const plan = {
    connections: ctx.connections,
    rate: ctx.pacedRate,
    durationSec: ctx.pacedSec / ctx.pacedRounds,
  };
  const directRuns: PacedResult[] = [];
  const rows: LatencyRow[] = [];
  // Unmeasured: every target's code paths warm (JIT) at the same gentle rate first.
  await runPaced([direct.load, ...others.map((t) => t.load)], workload, {
    ...plan,
    durationSec: Math.max(1, ctx.warmupSec),
  });
  for (const t of others) {
    const mine: PacedResult[] = [];
    const paired: PacedResult[] = [];
    for (let round = 0; round < ctx.pacedRounds; round++) {
      const [d, o] = await runPaced([direct.load, t.load], workload, plan);
      if (d) paired.push(d);
      if (o) mine.push(o);
    }
    directRuns.push(...paired);
    rows.push({ ...pooledRow(ctx, workload, t.label, mine), baseline: pooled(paired) });
  }
  return [pooledRow(ctx, workload, direct.label, directRuns), ...rows];
}

/** One row's figures: p50/p99/max over all the runs' samples, counts summed. */
function pooled(runs: PacedResult[]): LoadFigures {
  const counts = runs.map((r) => r.figures);
  const samples = runs.flatMap((r) => r.samples.map((ms) => ({ ms, status: 200 })));
  return {
    ...figuresOf(samples, 1),
    rps: median(counts.map((x) => x.rps)),
    errors: counts.reduce((n, x) => n + x.errors, 0),
    non2xx: counts.reduce((n, x) => n + x.non2xx, 0),
    statuses: sumStatuses(counts),
  };
}

function pooledRow(
  ctx: BenchContext,
  workload: ListWorkload,
  target: string,
  runs: PacedResult[],
): LatencyRow {
  return {
    workload: workload.name,
    target,
    rate: ctx.pacedRate,
    figures: pooled(runs),
    p99Rounds: runs.map((r) => r.figures.p99Ms),
  };
}
