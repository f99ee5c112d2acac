import { useSyncExternalStore } from 'react';
import type { HarnessStore, PluginEntry } from './createHarnessStore';

/** Like CVAT's `usePlugins`: the slot's entries that want to render, by weight. */
export function usePlugins(
  store: HarnessStore,
  path: string,
  props: unknown,
): { component: unknown; weight: number }[] {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  let node: unknown = state.plugins.components;
  for (const segment of path.split('.')) node = (node as Record<string, unknown>)[segment];
  return (node as PluginEntry[])
    .filter(({ data }) => data.shouldBeRendered(props, state))
    .map(({ component, data }) => ({ component, weight: data.weight }))
    .sort((a, b) => a.weight - b.weight);
}
