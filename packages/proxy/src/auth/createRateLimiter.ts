export interface RateLimiter {
  /** Takes one token for `key`; returns 0 when allowed, else the seconds until one is free. */
  take(key: string): number;
  /** Like take, without spending: the seconds until `key` may pass (0 = now). */
  peek(key: string): number;
  readonly size: number;
}

export interface RateLimiterOptions {
  perMinute: number;
  burst: number;
  now: () => number;
  /** Most keys remembered; idle (full) buckets go first, then the least recently used. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** A token bucket per key: `burst` requests at once, refilled at `perMinute`. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { perMinute, burst, now } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + (at - bucket.updated) * perMs);
    bucket.updated = at;
  };

  const evict = (at: number) => {
    // A full bucket is the same as no bucket: forgetting it changes nothing for its caller.
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (buckets.size <= maxKeys * 0.9) break;
      buckets.delete(key);
    }
  };

  return {
    take(key) {
      if (perMinute <= 0) return 0;
      const at = now();
      let bucket = buckets.get(key);
      if (bucket) {
        buckets.delete(key);
        refill(bucket, at);
      } else {
        bucket = { tokens: burst, updated: at };
        if (buckets.size >= maxKeys) evict(at);
      }
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (1 - bucket.tokens) / perMs / 1000;
    },
    peek(key) {
      if (perMinute <= 0) return 0;
      const bucket = buckets.get(key);
      if (!bucket) return 0;
      refill(bucket, now());
      return bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / perMs / 1000;
    },
    get size() {
      return buckets.size;
    },
  };
}
