// `pnpm bench`: the emulator and two proxies (cache on, cache off) as separate processes on
// loopback, measured side by side with autocannon; prints a table and writes
// bench-results/<timestamp>.json at the repo root. Every phase is bounded by time or count.
// This process is the load generator and the clock, so its own pauses land in every latency:
// package.json starts it with --initial-old-space-size=128. With V8's default, its ~13 MB heap
// took a full GC about once a second (2-11 ms each), which put the direct calls' p99 at
// 7.5-9.9 ms instead of 3.7 (see the README).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchTargets, type BenchContext } from './benchContext.js';
import {
  checkSameData,
  measureBytes,
  measureCompression,
  measureDeepPage,
  measureIdentical,
  measureUpstreamCalls,
} from './benchPhases.js';
import { REPO_ROOT, startEmulatorProcess, startProxyProcess, type DataSet } from './benchSetup.js';
import { createChildRegistry } from './createChildRegistry.js';
import { evaluateTargets } from './evaluateTargets.js';
import { formatReport, type BenchReport } from './formatReport.js';
import { modelWorkload, projectWorkload, taskWorkload } from './listWorkloads.js';
import {
  measureLatency,
  measureThroughput,
  type LatencyRow,
  type ThroughputRow,
  warmUp,
} from './measureThroughput.js';
import { rssMiB } from './procStats.js';

const DATA: DataSet = {
  projects: 2000,
  tasks: 100_000,
  models: 5000,
  // Page 150 at 50 a page needs at least 7,500 tasks.
  bigProject: { name: 'Scale/Big Project', tasks: 8000 },
};
const DEEP_PAGE = 150;
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
// Whole run: about 4 minutes on 2 cores with the defaults.
const DURATION_SEC = num('BENCH_DURATION_SEC', 6);
const ROUNDS = num('BENCH_ROUNDS', 6);
const WARMUP_SEC = num('BENCH_WARMUP_SEC', 1);
const JIT_WARMUP_SEC = num('BENCH_JIT_WARMUP_SEC', 2);
const PACED_RATE = num('BENCH_PACED_RATE', 100);
// Per proxy, side by side with direct calls: 1,600 samples each at 100 req/s.
const PACED_SEC = num('BENCH_PACED_SEC', 16);
const PACED_ROUNDS = num('BENCH_PACED_ROUNDS', 4);
const CONNECTIONS = 50;
/** Everything, however slow the machine: past this the run is abandoned. */
const HARD_LIMIT_MS = 9 * 60_000;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const registry = createChildRegistry();
  let exiting = false;
  const abort = (why: string, code: number) => {
    if (exiting) return;
    exiting = true;
    process.stderr.write(`bench: ${why}, stopping the servers\n`);
    void registry.stopAll(2000).finally(() => process.exit(code));
  };
  process.on('SIGINT', () => abort('SIGINT', 130));
  process.on('SIGTERM', () => abort('SIGTERM', 143));
  const limit = setTimeout(() => abort(`over ${HARD_LIMIT_MS / 60_000} minutes`, 1), HARD_LIMIT_MS);

  try {
    log(
      `Starting the emulator (${DATA.projects} projects, ${DATA.tasks} tasks, ${DATA.models} models)…`,
    );
    const emulator = await startEmulatorProcess(registry, DATA);
    const cached = await startProxyProcess(registry, 'cache on', emulator.client.url, {});
    const uncached = await startProxyProcess(registry, 'cache off', emulator.client.url, {
      CACHE_TTL_MS: '0',
    });
    const rssAtRestMiB = {
      'cache on': rssMiB(cached.child.pid),
      'cache off': rssMiB(uncached.child.pid),
    };
    const token = await emulator.client.login();
    const ctx: BenchContext = {
      emulator,
      token,
      cached,
      uncached,
      targets: benchTargets(emulator, token, cached, uncached),
      connections: CONNECTIONS,
      warmupSec: WARMUP_SEC,
      jitWarmupSec: JIT_WARMUP_SEC,
      durationSec: DURATION_SEC,
      rounds: ROUNDS,
      pacedRate: PACED_RATE,
      pacedSec: PACED_SEC,
      pacedRounds: PACED_ROUNDS,
    };
    const big = await emulator.client.call('projects.get_all_ex', {
      name: `^${DATA.bigProject.name}$`,
      only_fields: ['id'],
    });
    const bigId = (big.data.projects as { id: string }[] | undefined)?.[0]?.id;
    if (!bigId) throw new Error(`the emulator has no project ${DATA.bigProject.name}`);
    const tasks = taskWorkload(DATA.bigProject.name, bigId);
    const workloads = [tasks, projectWorkload(), modelWorkload()];
    for (const w of workloads) await checkSameData(ctx, w);

    log(
      `Load: ${CONNECTIONS} connections; first ${JIT_WARMUP_SEC} s of saturating load per target ` +
        `and list (JIT warm-up, unmeasured); ${WARMUP_SEC} s warm-up, then ${ROUNDS} turns of ` +
        `${DURATION_SEC / ROUNDS} s per target; paced ${PACED_RATE} req/s to each proxy and direct at once, ${PACED_ROUNDS} rounds of ` +
        `${PACED_SEC / PACED_ROUNDS} s`,
    );
    await warmUp(ctx, workloads);
    // Paced latency before the throughput rounds, so it is not measured on processes still
    // catching up on a long saturating run's garbage (it did not remove the rare long stalls:
    // see the README). The short warm-up above ends with a settling pause for the same reason.
    const latency: LatencyRow[] = [];
    for (const w of workloads) latency.push(...(await measureLatency(ctx, w)));
    const throughput: ThroughputRow[] = [];
    for (const w of workloads) {
      for (const row of await measureThroughput(ctx, w)) {
        throughput.push(row);
        const ratios = row.roundRatios ? ` (× direct: ${row.roundRatios.join(', ')})` : '';
        log(`  ${row.workload} / ${row.target}: ${row.rounds.join(', ')} req/s${ratios}`);
      }
    }
    const identical = await measureIdentical(ctx, tasks);
    log('ClearML calls per 1,000 requests, bytes, compression, deep paging…');
    const upstream = [];
    for (const w of workloads) upstream.push(await measureUpstreamCalls(ctx, w));
    const bytes = [];
    for (const w of workloads) bytes.push(await measureBytes(ctx, w));
    const compression = await measureCompression(
      cached.url,
      `/projects/${encodeURIComponent(DATA.bigProject.name)}/tasks?page=1&page_size=500`,
    );
    const deepPages = [];
    for (const page of [1, DEEP_PAGE]) deepPages.push(await measureDeepPage(ctx, tasks, page, 3));

    const cpu = cpus();
    const report: BenchReport = {
      machine: {
        cpus: cpu.length,
        cpuModel: cpu[0]?.model.trim() ?? 'unknown',
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      settings: {
        data: DATA,
        connections: CONNECTIONS,
        durationSec: DURATION_SEC,
        warmupSec: WARMUP_SEC,
        jitWarmupSec: JIT_WARMUP_SEC,
        rounds: ROUNDS,
        pacedRate: PACED_RATE,
        pacedSec: PACED_SEC,
        pacedRounds: PACED_ROUNDS,
        requests: 'sorts × pages 1..10, 50 rows a page, cycled',
        cacheTtlMs: 'default (cache on) / 0 (cache off)',
      },
      startup: {
        emulator: emulator.startMs,
        'proxy cache on': cached.startMs,
        'proxy cache off': uncached.startMs,
      },
      rssAtRestMiB,
      throughput,
      latency,
      coalescing: {
        workload: tasks.name,
        rps: identical.figures.rps,
        upstreamPer1000: identical.upstreamPer1000,
      },
      upstream,
      bytes,
      compression,
      deepPages,
      targets: evaluateTargets(throughput, latency, deepPages),
    };
    log(`\n${formatReport(report)}`);
    const dir = join(REPO_ROOT, 'bench-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ at: new Date().toISOString(), ...report }, null, 2)}\n`,
    );
    log(`\nWritten: ${file}`);
  } finally {
    clearTimeout(limit);
    await registry.stopAll();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
