import type { RunningEmulator, RunningProxy } from './benchSetup.js';
import type { ListWorkload } from './listWorkloads.js';
import type { LoadTarget } from './runLoad.js';

/** One thing load is sent to: the emulator directly, or a proxy in front of it. */
export interface BenchTarget {
  label: 'direct' | 'direct, page call only' | 'proxy, cache on' | 'proxy, cache off';
  load: LoadTarget;
  proxy?: RunningProxy;
}

export interface BenchContext {
  emulator: RunningEmulator;
  token: string;
  cached: RunningProxy;
  uncached: RunningProxy;
  targets: BenchTarget[];
  connections: number;
  warmupSec: number;
  /** Saturating load per target and list before anything is measured (JIT warm-up). */
  jitWarmupSec: number;
  /** Saturating load per target, split into `rounds` turns. */
  durationSec: number;
  rounds: number;
  /** Paced load for the latency figures. */
  pacedRate: number;
  pacedSec: number;
  /** Turns the paced load is split into (each target in turn). */
  pacedRounds: number;
}

export function benchTargets(
  emulator: RunningEmulator,
  token: string,
  cached: RunningProxy,
  uncached: RunningProxy,
): BenchTarget[] {
  return [
    { label: 'direct', load: { kind: 'direct', url: emulator.client.url, token } },
    { label: 'proxy, cache on', load: { kind: 'proxy', url: cached.url }, proxy: cached },
    { label: 'proxy, cache off', load: { kind: 'proxy', url: uncached.url }, proxy: uncached },
  ];
}

/**
 * The targets for one list. "direct" fetches the same data as the proxy's answer (the page,
 * then the follow-up call when the list needs one); where it takes two calls, the page call
 * alone is measured too, as a reference.
 */
export function targetsFor(ctx: BenchContext, workload: ListWorkload): BenchTarget[] {
  if (!workload.followUp) return ctx.targets;
  const pageOnly: BenchTarget = {
    label: 'direct, page call only',
    load: { kind: 'direct', url: ctx.emulator.client.url, token: ctx.token, firstCallOnly: true },
  };
  return [...ctx.targets.slice(0, 1), pageOnly, ...ctx.targets.slice(1)];
}
