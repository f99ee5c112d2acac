import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './createRateLimiter.js';

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('createRateLimiter', () => {
  it('allows a burst, then says how long until the next request may pass', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 3, now: c.now });
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBeCloseTo(1, 5); // one request per second refills
    c.advance(500);
    expect(limiter.take('a')).toBeCloseTo(0.5, 5);
    c.advance(500);
    expect(limiter.take('a')).toBe(0);
  });

  it('keeps callers apart', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, now: clock().now });
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(limiter.take('b')).toBe(0);
  });

  it('peek looks without spending', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, now: clock().now });
    expect(limiter.peek('a')).toBe(0);
    expect(limiter.peek('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.peek('a')).toBeGreaterThan(0);
  });

  it('with perMinute 0 never limits', () => {
    const limiter = createRateLimiter({ perMinute: 0, burst: 1, now: clock().now });
    for (let i = 0; i < 100; i += 1) expect(limiter.take('a')).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('memory stays bounded under a flood of new keys, and a busy caller keeps its limit', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, now: c.now, maxKeys: 100 });
    let busyAllowed = 0;
    for (let i = 0; i < 10_000; i += 1) {
      limiter.take(`flood-${i}`);
      if (limiter.take('busy') === 0) busyAllowed += 1;
      c.advance(1);
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    // 10 s at one a second plus the burst; forgetting the busy bucket would have reset it.
    expect(busyAllowed).toBeLessThanOrEqual(2 + 10);
    expect(busyAllowed).toBeGreaterThanOrEqual(10);
  });

  it('forgets idle callers first: a refilled bucket is the same as none', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, now: c.now, maxKeys: 10 });
    for (let i = 0; i < 10; i += 1) limiter.take(`idle-${i}`);
    c.advance(5_000); // all refilled
    limiter.take('new');
    expect(limiter.size).toBe(1);
  });
});
