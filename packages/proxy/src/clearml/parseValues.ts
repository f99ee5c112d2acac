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
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
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
