import { describe, expect, it } from 'vitest';
import { createBoundedCache } from './createBoundedCache.js';

describe('createBoundedCache', () => {
  it('answers until the entry expires', () => {
    let t = 0;
    const cache = createBoundedCache<string>(10, () => t);
    cache.set('k', 'v', 1000);
    t = 999;
    expect(cache.get('k')).toBe('v');
    t = 1000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('stores nothing with a zero lifetime', () => {
    const cache = createBoundedCache<string>(10, () => 0);
    cache.set('k', 'v', 0);
    expect(cache.size).toBe(0);
  });

  it('never holds more than its bound, dropping the least recently used', () => {
    const cache = createBoundedCache<number>(3, () => 0);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    cache.set('c', 3, 1000);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('d', 4, 1000);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
  });
});
