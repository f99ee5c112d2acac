import { request } from 'node:http';
import type { RunningEmulator, RunningProxy } from './benchSetup.js';
import { totalCalls } from './createEmulatorClient.js';
import { PAGE_SIZE, type ListWorkload } from './listWorkloads.js';
import { connectionsTo, cpuMs, rssMiB, sampleMax } from './procStats.js';
import { runLoad, type LoadFigures, type LoadTarget } from './runLoad.js';

export interface BenchContext {
  emulator: RunningEmulator;
  token: string;
  cached: RunningProxy;
  uncached: RunningProxy;
  durationSec: number;
  warmupSec: number;
  connections: number;
  /** Pages cycled through in the load runs (distinct requests, so none can share an answer). */
  pages: readonly number[];
}

export interface ThroughputRow {
  workload: string;
  target: string;
  figures: LoadFigures;
  /** Largest proxy RSS (MiB) and upstream sockets seen during the run (proxy rows only). */
  rssMaxMiB?: number;
  upstreamSockets?: number;
  /**
   * CPU ms per request spent by the proxy and by the emulator: unlike req/s, this does not
   * depend on what else the machine is doing.
   */
  proxyCpuMsPerReq?: number;
  emulatorCpuMsPerReq: number;
}

function targets(ctx: BenchContext): { label: string; target: LoadTarget; proxy?: RunningProxy }[] {
  return [
    { label: 'direct', target: { kind: 'direct', url: ctx.emulator.client.url, token: ctx.token } },
    { label: 'proxy, cache on', target: { kind: 'proxy', url: ctx.cached.url }, proxy: ctx.cached },
    {
      label: 'proxy, cache off',
      target: { kind: 'proxy', url: ctx.uncached.url },
      proxy: ctx.uncached,
    },
  ];
}

/** The proxy answers the same rows as the direct call: else the comparison means nothing. */
export async function checkSameData(ctx: BenchContext, workload: ListWorkload): Promise<void> {
  const res = await fetch(`${ctx.uncached.url}${workload.proxyPath(1)}`);
  const viaProxy = ((await res.json()) as { items?: { id: string }[] }).items ?? [];
  const { data } = await ctx.emulator.client.call(workload.endpoint, workload.directBody(1));
  const direct = (data[workload.rowsKey] as { id: string }[] | undefined) ?? [];
  const a = viaProxy.map((r) => r.id).join(',');
  const b = direct.map((r) => r.id).join(',');
  if (res.status !== 200 || direct.length !== PAGE_SIZE || a !== b) {
    throw new Error(`${workload.name}: the proxy's page 1 is not the direct call's page 1`);
  }
}

/** Requests/s and latency at `connections`, after a warm-up, for direct and both proxies. */
export async function measureThroughput(
  ctx: BenchContext,
  workload: ListWorkload,
  onRow: (row: ThroughputRow) => void,
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const { label, target, proxy } of targets(ctx)) {
    const plan = { connections: ctx.connections, pages: ctx.pages };
    await runLoad(target, workload, { ...plan, durationSec: ctx.warmupSec });
    const rss = proxy && sampleMax(() => rssMiB(proxy.child.pid));
    const sockets = proxy && sampleMax(() => connectionsTo(proxy.child.pid, ctx.emulator.port));
    const emuPid = ctx.emulator.child.pid;
    const cpu0 = { emu: cpuMs(emuPid), proxy: proxy ? cpuMs(proxy.child.pid) : 0 };
    const figures = await runLoad(target, workload, { ...plan, durationSec: ctx.durationSec });
    const n = Math.max(figures.requests, 1);
    const row: ThroughputRow = {
      workload: workload.name,
      target: label,
      figures,
      rssMaxMiB: rss?.stop(),
      upstreamSockets: sockets?.stop(),
      proxyCpuMsPerReq: proxy && (cpuMs(proxy.child.pid) - cpu0.proxy) / n,
      emulatorCpuMsPerReq: (cpuMs(emuPid) - cpu0.emu) / n,
    };
    rows.push(row);
    onRow(row);
  }
  return rows;
}

/** Identical concurrent requests with the cache off: what coalescing alone saves. */
export async function measureIdentical(
  ctx: BenchContext,
  workload: ListWorkload,
): Promise<{ figures: LoadFigures; upstreamPer1000: number }> {
  const plan = { connections: ctx.connections, pages: [1] };
  const target: LoadTarget = { kind: 'proxy', url: ctx.uncached.url };
  await runLoad(target, workload, { ...plan, durationSec: ctx.warmupSec });
  await ctx.emulator.client.resetCalls();
  const figures = await runLoad(target, workload, { ...plan, durationSec: ctx.durationSec });
  const calls = totalCalls(await ctx.emulator.client.calls());
  return { figures, upstreamPer1000: (calls / Math.max(figures.requests, 1)) * 1000 };
}

export interface UpstreamRow {
  workload: string;
  cacheOn: number;
  cacheOff: number;
}

/** ClearML calls made for exactly 1,000 proxy requests (50 connections, cycling pages). */
export async function measureUpstreamCalls(
  ctx: BenchContext,
  workload: ListWorkload,
): Promise<UpstreamRow> {
  const per1000 = async (proxy: RunningProxy) => {
    await ctx.emulator.client.resetCalls();
    const target: LoadTarget = { kind: 'proxy', url: proxy.url };
    const figures = await runLoad(target, workload, {
      connections: ctx.connections,
      pages: ctx.pages,
      amount: 1000,
    });
    if (figures.requests !== 1000 || figures.errors > 0) {
      throw new Error(`${workload.name}: ${figures.requests} of 1000 requests answered`);
    }
    return totalCalls(await ctx.emulator.client.calls());
  };
  return {
    workload: workload.name,
    cacheOn: await per1000(ctx.cached),
    cacheOff: await per1000(ctx.uncached),
  };
}

export interface BytesRow {
  workload: string;
  projected: number;
  full: number;
}

/** Bytes ClearML sends for one page of 50: with the proxy's only_fields, and full objects. */
export async function measureBytes(ctx: BenchContext, workload: ListWorkload): Promise<BytesRow> {
  const call = (projection: boolean) =>
    ctx.emulator.client.call(workload.endpoint, workload.directBody(1, projection));
  return {
    workload: workload.name,
    projected: (await call(true)).bytes,
    full: (await call(false)).bytes,
  };
}

export interface CompressionRow {
  path: string;
  /** Bytes on the wire per Accept-Encoding, and the Content-Encoding the proxy chose. */
  sizes: { accept: string; encoding: string; bytes: number }[];
}

/** What the proxy sends a browser for a large page, per Accept-Encoding (raw bytes, undecoded). */
export async function measureCompression(url: string, path: string): Promise<CompressionRow> {
  const sizes = [];
  for (const accept of ['identity', 'gzip', 'br']) {
    sizes.push({ accept, ...(await rawSize(`${url}${path}`, accept)) });
  }
  return { path, sizes };
}

function rawSize(url: string, accept: string): Promise<{ encoding: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': accept } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
        else resolve({ encoding: res.headers['content-encoding'] ?? 'identity', bytes });
      });
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${url}: no answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

export interface DeepPageRow {
  page: number;
  proxy: LoadFigures;
  direct: LoadFigures;
}

/** One connection (nothing to coalesce), cache off: page 1 vs a deep page of the big project. */
export async function measureDeepPage(
  ctx: BenchContext,
  workload: ListWorkload,
  page: number,
  durationSec: number,
): Promise<DeepPageRow> {
  const plan = { connections: 1, pages: [page], durationSec };
  const direct: LoadTarget = { kind: 'direct', url: ctx.emulator.client.url, token: ctx.token };
  const proxy: LoadTarget = { kind: 'proxy', url: ctx.uncached.url };
  await runLoad(proxy, workload, { ...plan, durationSec: 0.5 });
  return {
    page,
    proxy: await runLoad(proxy, workload, plan),
    direct: await runLoad(direct, workload, plan),
  };
}
