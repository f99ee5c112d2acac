import { request } from 'node:http';
import type { BenchContext } from './benchContext.js';
import type { RunningProxy } from './benchSetup.js';
import { parentNameOf } from '../src/clearml/parseProject.js';
import { totalCalls } from './createEmulatorClient.js';
import {
  askFollowUps,
  MAX_FOLLOW_UPS,
  PAGE_SIZE,
  type ListWorkload,
  type Row,
  type Variant,
} from './listWorkloads.js';
import { runLoad, type LoadFigures, type LoadTarget } from './runLoad.js';

/** The proxy answers the same rows as the direct call: else the comparison means nothing. */
export async function checkSameData(ctx: BenchContext, workload: ListWorkload): Promise<void> {
  let parents = 0;
  for (const v of workload.variants) {
    const res = await fetch(`${ctx.uncached.url}${workload.proxyPath(v)}`);
    const viaProxy = ((await res.json()) as { items?: { id: string }[] }).items ?? [];
    const { data } = await ctx.emulator.client.call(workload.endpoint, workload.directBody(v));
    const direct = (data[workload.rowsKey] as Row[] | undefined) ?? [];
    const a = viaProxy.map((r) => r.id).join(',');
    const b = direct.map((r) => r.id).join(',');
    if (res.status !== 200 || direct.length !== PAGE_SIZE || a !== b) {
      throw new Error(
        `${workload.name}, sort ${v.sort}, page ${v.page}: the proxy's rows are not the direct call's`,
      );
    }
    parents += await checkFollowUp(ctx, workload, direct, viaProxy, v);
  }
  // Else the follow-up would be a formality: nothing in the data would exercise it.
  if (workload.followUp && parents === 0) {
    throw new Error(`${workload.name}: no page of the benchmark's data has a parent project`);
  }
}

/** The direct follow-up calls answer what the proxy adds: which rows have children. */
async function checkFollowUp(
  ctx: BenchContext,
  workload: ListWorkload,
  direct: Row[],
  viaProxy: { id: string; has_children?: boolean }[],
  v: Variant,
): Promise<number> {
  if (!workload.followUp) return 0;
  const { endpoint } = workload.followUp;
  const { answers, complete } = await askFollowUps(workload.followUp, direct, async (body) => {
    const { data } = await ctx.emulator.client.call(endpoint, body);
    return (data[workload.rowsKey] as Row[] | undefined) ?? [];
  });
  if (!complete) throw new Error(`${workload.name}: more than ${MAX_FOLLOW_UPS} follow-up calls`);
  const parents = new Set(answers.flat().map((c) => parentNameOf(String(c.name))));
  const nameOf = new Map(direct.map((r) => [r.id, String(r.name)]));
  const differs = viaProxy.filter(
    (p) => (p.has_children === true) !== parents.has(nameOf.get(p.id) ?? ''),
  );
  if (differs.length > 0) {
    throw new Error(
      `${workload.name}, sort ${v.sort}, page ${v.page}: the direct follow-up calls do not ` +
        `give the proxy's has_children (${differs.length} of ${viaProxy.length} differ)`,
    );
  }
  return viaProxy.filter((p) => p.has_children === true).length;
}

/** Identical concurrent requests with the cache off: what coalescing alone saves. */
export async function measureIdentical(
  ctx: BenchContext,
  workload: ListWorkload,
): Promise<{ figures: LoadFigures; upstreamPer1000: number }> {
  const plan = { connections: ctx.connections, variants: workload.variants.slice(0, 1) };
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

/** ClearML calls made for exactly 1,000 proxy requests (50 connections, cycling variants). */
export async function measureUpstreamCalls(
  ctx: BenchContext,
  workload: ListWorkload,
): Promise<UpstreamRow> {
  const per1000 = async (proxy: RunningProxy) => {
    await ctx.emulator.client.resetCalls();
    const target: LoadTarget = { kind: 'proxy', url: proxy.url };
    const figures = await runLoad(target, workload, {
      connections: ctx.connections,
      variants: workload.variants,
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

const FIRST: Variant = { sort: '-last_update', page: 1 };

export interface BytesRow {
  workload: string;
  projected: number;
  full: number;
}

/** Bytes ClearML sends for one page of 50: with the proxy's only_fields, and full objects. */
export async function measureBytes(ctx: BenchContext, workload: ListWorkload): Promise<BytesRow> {
  const call = (projection: boolean) =>
    ctx.emulator.client.call(workload.endpoint, workload.directBody(FIRST, projection));
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
  const sort = workload.variants[0]?.sort ?? '-last_update';
  const plan = { connections: 1, variants: [{ sort, page }], durationSec };
  const direct: LoadTarget = { kind: 'direct', url: ctx.emulator.client.url, token: ctx.token };
  const proxy: LoadTarget = { kind: 'proxy', url: ctx.uncached.url };
  await runLoad(proxy, workload, { ...plan, durationSec: 0.5 });
  return {
    page,
    proxy: await runLoad(proxy, workload, plan),
    direct: await runLoad(direct, workload, plan),
  };
}
