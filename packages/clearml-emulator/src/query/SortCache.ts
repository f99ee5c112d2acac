import { sortDocs, type OrderKey } from './ordering.js';

const MAX_ENTRIES = 64;

/**
 * Sorted copies of candidate lists, reused until the store's version changes, so a
 * page from a 10,000-task project costs a walk, not a sort.
 */
export class SortCache {
  private readonly entries = new Map<string, readonly unknown[]>();
  private version = -1;

  constructor(private readonly storeVersion: () => number) {}

  sorted<T>(
    scopeKey: string | undefined,
    order: readonly OrderKey[],
    candidates: () => readonly T[],
  ): readonly T[] {
    const v = this.storeVersion();
    if (v !== this.version) {
      this.entries.clear();
      this.version = v;
    }
    if (scopeKey === undefined) return sortDocs(candidates(), order);
    const key = `${scopeKey}|${order.map((k) => (k.desc ? '-' : '') + k.path).join(',')}`;
    const hit = this.entries.get(key) as readonly T[] | undefined;
    if (hit) return hit;
    const sorted = sortDocs(candidates(), order);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, sorted);
    return sorted;
  }

  clear(): void {
    this.entries.clear();
  }
}
