export interface ReadCacheOptions {
  /** How long an answer is reused; 0 = not kept (identical concurrent reads still share one call). */
  ttlMs: number;
  now: () => number;
  /** Upper bound on kept answers; the oldest go first. */
  maxEntries?: number;
}

export interface ReadCache {
  /**
   * The answer for `key`: a fresh cached one, the one already on its way (coalescing), or a new
   * one from `load`. `tags` say what a later invalidate() should drop it for.
   */
  get<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T>;
  /** Drops answers carrying any of these tags, and keeps loads in flight from being stored. */
  invalidate(tags: readonly string[]): void;
  clear(): void;
}

interface Entry {
  value: Promise<unknown>;
  tags: readonly string[];
  /** Epoch ms; undefined while the load is in flight. */
  expiresAt?: number;
}

/** Failed loads are never kept: the next caller tries again. */
export function createReadCache(options: ReadCacheOptions): ReadCache {
  const entries = new Map<string, Entry>();
  const maxEntries = options.maxEntries ?? 1000;
  let generation = 0;

  function remove(key: string, entry: Entry) {
    if (entries.get(key) === entry) entries.delete(key);
  }

  return {
    get<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
      const existing = entries.get(key);
      if (existing) {
        const fresh = existing.expiresAt === undefined || options.now() < existing.expiresAt;
        if (fresh) return existing.value as Promise<T>;
        entries.delete(key);
      }
      const startedIn = generation;
      const entry: Entry = { value: Promise.resolve(), tags };
      entry.value = load().then(
        (value) => {
          // An invalidate() while we were loading may mean this answer is already stale.
          if (options.ttlMs > 0 && startedIn === generation) {
            entry.expiresAt = options.now() + options.ttlMs;
          } else {
            remove(key, entry);
          }
          return value;
        },
        (err: unknown) => {
          remove(key, entry);
          throw err;
        },
      );
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, entry);
      return entry.value as Promise<T>;
    },
    invalidate(tags) {
      generation++;
      for (const [key, entry] of entries) {
        if (entry.tags.some((t) => tags.includes(t))) entries.delete(key);
      }
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}
