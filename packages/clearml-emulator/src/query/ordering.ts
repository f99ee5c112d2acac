import { validationError } from '../protocol/ApiError.js';
import { getPathValue } from './getPath.js';

export interface OrderKey {
  path: string;
  desc: boolean;
}

/** Parses order_by and appends `id` as the tie-breaker unless the caller sorted by id. */
export function parseOrderBy(raw: unknown, searchText: unknown): OrderKey[] {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  const keys: OrderKey[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || item === '' || item === '-') {
      throw validationError('order_by items must be field names');
    }
    const desc = item.startsWith('-');
    const path = desc ? item.slice(1) : item;
    if (path === '@text_score') {
      if (typeof searchText !== 'string' || searchText === '') {
        throw validationError('text score cannot be used in order_by when search text is not used');
      }
      continue; // every match scores the same here: the id tie-breaker decides
    }
    keys.push({ path, desc });
  }
  if (!keys.some((k) => k.path === 'id')) keys.push({ path: 'id', desc: false });
  return keys;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * MongoDB-like ordering, plus the real server's twist: documents with no value in the
 * first sort field come last whichever the direction. Keys are read once per document
 * (decorate, sort, undecorate): a 100,000-task sort then takes a fraction of a second.
 */
export function sortDocs<T>(docs: readonly T[], keys: readonly OrderKey[]): T[] {
  const decorated = docs.map((doc) => ({
    doc,
    values: keys.map((k) => sortable(getPathValue(doc, k.path))),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const va = a.values[i];
      const vb = b.values[i];
      if (i === 0) {
        const ea = isEmpty(va);
        const eb = isEmpty(vb);
        if (ea !== eb) return ea ? 1 : -1;
      }
      const c = compareValues(va, vb);
      if (c !== 0) return (keys[i] as OrderKey).desc ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.doc);
}

function sortable(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

// BSON order between types: null < numbers < strings < objects < booleans.
function rank(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (typeof v === 'boolean') return 4;
  return 3;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1 || ra === 2) return a! < b! ? -1 : a! > b! ? 1 : 0;
  if (ra === 4) return Number(a) - Number(b);
  if (ra === 3) {
    const sa = JSON.stringify(a);
    const sb = JSON.stringify(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  return 0;
}
