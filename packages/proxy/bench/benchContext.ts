import type { RunningEmulator, RunningProxy } from './benchSetup.js';
import type { LoadTarget } from './runLoad.js';

/** One thing load is sent to: the emulator directly, or a proxy in front of it. */
export interface BenchTarget {
  label: 'direct' | 'proxy, cache on' | 'proxy, cache off';
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
  /** Saturating load per target, split into `rounds` turns. */
  durationSec: number;
  rounds: number;
  /** Paced load for the latency figures. */
  pacedRate: number;
  pacedSec: number;
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
