/**
 * Reads a dotted path the way MongoDB does: through arrays, collecting every value found,
 * so `models.input.model` yields the model id of each input entry.
 */
export function getPathValues(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const item of value) pushKey(next, item, key);
      } else {
        pushKey(next, value, key);
      }
    }
    current = next;
    if (current.length === 0) return current;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function pushKey(out: unknown[], value: unknown, key: string): void {
  if (value !== null && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out.push(v);
  }
}

/** The single value at a path (first one found), for sorting. */
export function getPathValue(doc: unknown, path: string): unknown {
  return getPathValues(doc, path)[0];
}
