// Small, forgiving readers for ClearML's JSON: a missing or oddly typed field becomes null
// (or empty), never an exception and never a raw upstream value of the wrong type.
export type Json = Record<string, unknown>;

export function asObject(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function int(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : Math.trunc(n);
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** ClearML dates (`2026-11-20T08:00:00.123000+00:00` and friends) as ISO 8601 UTC. */
export function timestamp(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  const fast = utcIsoFastPath(v);
  if (fast !== undefined) return fast;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The two shapes lists are full of — `YYYY-MM-DDTHH:MM:SS.sssZ` and ClearML's
 * `YYYY-MM-DDTHH:MM:SS.ssssss+00:00` — with a valid calendar date and time, answered without
 * building a Date (a page of 50 tasks has 150 of them). The answer is exactly what
 * `new Date(Date.parse(v)).toISOString()` gives (fractions truncated to milliseconds);
 * anything else (other zones, rollovers such as Feb 30 or 24:00) is undefined: the slow path.
 */
function utcIsoFastPath(v: string): string | undefined {
  const len = v.length;
  if (len === 24) {
    if (v.charCodeAt(23) !== 90 /* Z */) return undefined;
  } else if (len === 32) {
    if (!v.endsWith('+00:00') || !digitsAt(v, 23, 26)) return undefined;
  } else {
    return undefined;
  }
  if (
    v.charCodeAt(4) !== 45 /* - */ ||
    v.charCodeAt(7) !== 45 ||
    v.charCodeAt(10) !== 84 /* T */ ||
    v.charCodeAt(13) !== 58 /* : */ ||
    v.charCodeAt(16) !== 58 ||
    v.charCodeAt(19) !== 46 /* . */ ||
    !digitsAt(v, 0, 4) ||
    !digitsAt(v, 5, 7) ||
    !digitsAt(v, 8, 10) ||
    !digitsAt(v, 11, 13) ||
    !digitsAt(v, 14, 16) ||
    !digitsAt(v, 17, 19) ||
    !digitsAt(v, 20, 23)
  ) {
    return undefined;
  }
  const year = twoDigits(v, 0) * 100 + twoDigits(v, 2);
  const month = twoDigits(v, 5);
  const day = twoDigits(v, 8);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > days) return undefined;
  if (twoDigits(v, 11) > 23 || twoDigits(v, 14) > 59 || twoDigits(v, 17) > 59) return undefined;
  return len === 24 ? v : `${v.slice(0, 23)}Z`;
}

function digitsAt(v: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function twoDigits(v: string, at: number): number {
  return (v.charCodeAt(at) - 48) * 10 + (v.charCodeAt(at + 1) - 48);
}

/** `*_ex` references are `{id, name?}` objects; `get_all` ones are plain ids. Both accepted. */
export function ref(v: unknown): { id: string; name: string | null } | null {
  if (typeof v === 'string' && v !== '') return { id: v, name: null };
  const o = asObject(v);
  if (!o || typeof o.id !== 'string' || o.id === '') return null;
  return { id: o.id, name: str(o.name) };
}

export function isArchived(systemTags: unknown): boolean {
  return strings(systemTags).includes('archived');
}
