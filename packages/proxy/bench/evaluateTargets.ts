import type { DeepPageRow } from './benchPhases.js';
import type { LatencyRow, ThroughputRow } from './measureThroughput.js';

export interface TargetCheck {
  target: string;
  figure: string;
  met: boolean;
}

/** Issue 7's measurable targets, judged per list from the measured rows. */
export function evaluateTargets(
  rows: ThroughputRow[],
  latency: LatencyRow[],
  deep: DeepPageRow[],
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const workloads = [...new Set(rows.map((r) => r.workload))];
  for (const w of workloads) {
    // Round by round against direct (see measureThroughput), not one median over another.
    const vsDirect = (target: string) =>
      rows.find((r) => r.workload === w && r.target === target)?.vsDirect;
    const onRatio = vsDirect('proxy, cache on');
    const offRatio = vsDirect('proxy, cache off');
    if (onRatio === undefined || offRatio === undefined) continue;
    checks.push({
      target: `${w}: cache off ≥ 70% of direct req/s`,
      figure: pct(offRatio),
      met: offRatio >= 0.7,
    });
    checks.push({
      target: `${w}: cache on above direct req/s`,
      figure: pct(onRatio),
      met: onRatio > 1,
    });
    const paced = (target: string) => latency.find((r) => r.workload === w && r.target === target);
    for (const target of ['proxy, cache off', 'proxy, cache on']) {
      const row = paced(target);
      if (!row?.baseline) continue;
      // Against the direct calls interleaved with this proxy's, in the same run.
      const added = row.figures.p99Ms - row.baseline.p99Ms;
      checks.push({
        target: `${w}: ${target}, p99 added < 5 ms (50 connections, ${row.rate} req/s)`,
        figure: `${added.toFixed(1)} ms`,
        met: added < 5,
      });
    }
  }
  const first = deep.find((d) => d.page === 1);
  for (const d of deep.filter((x) => x.page !== 1)) {
    if (!first) break;
    // One connection: the mean time per request is 1 / req/s, finer than the ms histogram.
    const ratio = first.proxy.rps / Math.max(d.proxy.rps, 0.001);
    checks.push({
      target: `page ${d.page} vs page 1 (proxy, cache off): same order of time (< 10×)`,
      figure: `${ratio.toFixed(1)}×`,
      met: ratio < 10,
    });
  }
  for (const r of [...rows, ...latency]) {
    if (r.figures.errors > 0 || r.figures.non2xx > 0) {
      checks.push({
        target: `${r.workload}, ${r.target}: no errors`,
        figure: `${r.figures.errors} errors, statuses ${JSON.stringify(r.figures.statuses)}`,
        met: false,
      });
    }
  }
  return checks;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
