import { describe, expect, it } from 'vitest';
import { timestamp } from './parseValues.js';

/** What timestamp() answered before its fast path: the reference it must keep matching. */
const viaDate = (v: string) => {
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

describe('timestamp', () => {
  it('answers ClearML’s and ISO UTC dates as ISO 8601 UTC with milliseconds', () => {
    expect(timestamp('2026-11-20T08:00:00.123456+00:00')).toBe('2026-11-20T08:00:00.123Z');
    expect(timestamp('2026-11-20T08:00:00.123999+00:00')).toBe('2026-11-20T08:00:00.123Z');
    expect(timestamp('2026-11-20T08:00:00.123Z')).toBe('2026-11-20T08:00:00.123Z');
    expect(timestamp('2026-11-20T08:00:00+00:00')).toBe('2026-11-20T08:00:00.000Z');
    expect(timestamp('2026-11-20T10:00:00.5+02:00')).toBe('2026-11-20T08:00:00.500Z');
  });

  it('when the value is not a date, then null', () => {
    for (const v of [null, undefined, 42, '', 'soon', '2026-13-01T00:00:00.000Z', {}]) {
      expect(timestamp(v)).toBeNull();
    }
  });

  it('answers exactly what Date.parse + toISOString do, for edge and random dates', () => {
    const edges = [
      '2026-02-29T00:00:00.000Z', // not a leap year: rolls over
      '2024-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2000-02-29T12:00:00.000000+00:00',
      '2026-04-31T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:59:60.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999999+00:00',
      '2026-11-20T08:00:00.123456+01:00',
      '2026-11-20T08:00:00.123456-00:00',
      '2026-11-20T08:00:00.12a456+00:00',
      '2026-11-20 08:00:00.123456+00:00',
      '2026-11-20T08:00:00.123z',
      '2026-11-20T08:00:00,123Z',
      '+02026-11-20T08:00:00.123Z',
    ];
    const random: string[] = [];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let i = 0; i < 5000; i++) {
      const date = `${pad(next(10000), 4)}-${pad(next(14), 2)}-${pad(next(33), 2)}`;
      const time = `${pad(next(26), 2)}:${pad(next(62), 2)}:${pad(next(62), 2)}`;
      const frac = pad(next(1_000_000), 6);
      random.push(i % 2 ? `${date}T${time}.${frac.slice(0, 3)}Z` : `${date}T${time}.${frac}+00:00`);
    }
    for (const v of [...edges, ...random]) expect(timestamp(v), v).toBe(viaDate(v));
  });
});
