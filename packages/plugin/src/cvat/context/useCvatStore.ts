import { useSyncExternalStore } from 'react';
import type { CvatStore } from '../cvatTypes';

/**
 * Subscribes to CVAT's Redux store through the builder's `store`, so the plugin needs no
 * react-redux of its own. The selector must return a stable value (a primitive or a
 * reference taken from the state) or React re-renders forever.
 */
export function useCvatStore<T>(store: CvatStore, selector: (state: unknown) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
