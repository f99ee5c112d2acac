import type { BytesRow, CompressionRow, DeepPageRow, UpstreamRow } from './benchPhases.js';
import type { LatencyRow, ThroughputRow } from './measureThroughput.js';
import type { TargetCheck } from './evaluateTargets.js';

export interface BenchReport {
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  settings: Record<string, unknown>;
  startup: Record<string, number>;
  rssAtRestMiB: Record<string, number | undefined>;
  throughput: ThroughputRow[];
  latency: LatencyRow[];
  coalescing: { workload: string; rps: number; upstreamPer1000: number } | undefined;
  upstream: UpstreamRow[];
  bytes: BytesRow[];
  compression: CompressionRow | undefined;
  deepPages: DeepPageRow[];
  targets: TargetCheck[];
}

/** Plain-text columns, padded to the widest cell. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

const f1 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1));
const f2 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2));
const f0 = (x: number) => Math.round(x).toLocaleString('en-US');

export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), Node ${r.machine.node}, ${r.machine.platform}`,
  );
  out.push(`Settings: ${JSON.stringify(r.settings)}\n`);

  const direct = (w: string) =>
    r.throughput.find((t) => t.workload === w && t.target === 'direct')?.figures;
  out.push(
    'Saturating load: 50 connections, as fast as answered (median of the rounds; "vs direct": ' +
      "median of each round's ratio to direct's turn in that round)",
  );
  out.push(
    table(
      [
        'list',
        'target',
        'req/s',
        'vs direct',
        'p50 ms',
        'p99 ms',
        'p99 added',
        'proxy CPU ms/req',
        'ClearML CPU ms/req',
        'RSS max MiB',
        'upstream sockets',
      ],
      r.throughput.map((t) => {
        const d = direct(t.workload);
        const ratio = t.vsDirect === undefined ? '' : `${Math.round(t.vsDirect * 100)}%`;
        const added = d && t.target !== 'direct' ? f1(t.figures.p99Ms - d.p99Ms) : '';
        return [
          t.workload,
          t.target,
          f0(t.figures.rps),
          ratio,
          t.figures.p50Ms,
          t.figures.p99Ms,
          added,
          f2(t.proxyCpuMsPerReq),
          f2(t.emulatorCpuMsPerReq),
          f1(t.rssMaxMiB),
          t.upstreamSockets ?? '',
        ];
      }),
    ),
  );
  out.push(
    '\nPaced load: each proxy side by side with direct calls, requests interleaved on one ' +
      'schedule, the rate below to each over 50 connections (p50/p99 of all rounds pooled; ' +
      '"direct" pools all its runs, "added" compares with the direct calls of the same run)',
  );
  out.push(
    table(
      [
        'list',
        'target',
        'req/s',
        'samples',
        'p50 ms',
        'p99 ms',
        'p99 per round',
        'direct p50 / p99, same run',
        'p50 added',
        'p99 added',
      ],
      r.latency.map((t) => {
        const d = t.baseline;
        return [
          t.workload,
          t.target,
          t.rate,
          t.figures.requests,
          t.figures.p50Ms,
          t.figures.p99Ms,
          t.p99Rounds.join(' / '),
          d ? `${d.p50Ms} / ${d.p99Ms}` : '',
          d ? f1(t.figures.p50Ms - d.p50Ms) : '',
          d ? f1(t.figures.p99Ms - d.p99Ms) : '',
        ];
      }),
    ),
  );
  if (r.coalescing) {
    out.push(
      `\nCoalescing (cache off, 50 identical concurrent requests, ${r.coalescing.workload}): ` +
        `${f0(r.coalescing.rps)} req/s, ${f1(r.coalescing.upstreamPer1000)} ClearML calls per 1,000 requests`,
    );
  }
  out.push('\nClearML calls per 1,000 proxy requests (50 connections, distinct requests)');
  out.push(
    table(
      ['list', 'cache on', 'cache off'],
      r.upstream.map((u) => [u.workload, u.cacheOn, u.cacheOff]),
    ),
  );
  out.push('\nBytes from ClearML for one page of 50');
  out.push(
    table(
      ['list', 'only_fields (as the proxy sends)', 'full objects', 'saved'],
      r.bytes.map((b) => [
        b.workload,
        f0(b.projected),
        f0(b.full),
        `${Math.round((1 - b.projected / b.full) * 100)}%`,
      ]),
    ),
  );
  if (r.compression) {
    out.push(`\nProxy answer size, ${r.compression.path}`);
    out.push(
      table(
        ['Accept-Encoding', 'Content-Encoding', 'bytes'],
        r.compression.sizes.map((s) => [s.accept, s.encoding, f0(s.bytes)]),
      ),
    );
  }
  out.push('\nDeep paging in the big project (1 connection, proxy cache off)');
  out.push(
    table(
      ['page', 'proxy ms/request', 'proxy p99 ms', 'direct ms/request'],
      r.deepPages.map((d) => [
        d.page,
        (1000 / d.proxy.rps).toFixed(2),
        d.proxy.p99Ms,
        (1000 / d.direct.rps).toFixed(2),
      ]),
    ),
  );
  out.push(
    `\nProxy RSS at rest: ${Object.entries(r.rssAtRestMiB)
      .map(([k, v]) => `${k} ${f1(v)} MiB`)
      .join(', ')}`,
  );
  out.push(
    `Start-up: ${Object.entries(r.startup)
      .map(([k, v]) => `${k} ${f0(v)} ms`)
      .join(', ')}`,
  );
  out.push('\nTargets');
  out.push(
    table(
      ['target', 'measured', ''],
      r.targets.map((t) => [t.target, t.figure, t.met ? 'met' : 'MISSED']),
    ),
  );
  // The same direct calls, round after round: how steady the host was while the ratios above
  // were taken (a wide range means a missed target may be the machine, not the proxy).
  const steadiness = r.throughput
    .filter((t) => t.target === 'direct' && t.rounds.length > 0)
    .map((t) => `${t.workload} ${f0(Math.min(...t.rounds))}–${f0(Math.max(...t.rounds))}`);
  if (steadiness.length > 0) {
    out.push(`Host steadiness, direct req/s over the rounds: ${steadiness.join(', ')}`);
  }
  return out.join('\n');
}
