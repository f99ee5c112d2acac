import type { EmulatorStore } from '../store/EmulatorStore.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Moves every ISO date of the stored projects, tasks and models by one amount, so that the
 * latest falls at `latestMs`. The seeded data is anchored at a fixed day so that tests are
 * reproducible; shifted, a demo reads like a live server ("Running, updated 5 minutes ago")
 * with every gap and order between dates kept.
 */
export function shiftDates(store: EmulatorStore, latestMs: number): void {
  const entities = [...store.projects.values(), ...store.tasks.values(), ...store.models.values()];
  let latest = -Infinity;
  walk(entities, (ms) => {
    latest = Math.max(latest, ms);
    return ms;
  });
  if (!Number.isFinite(latest)) return;
  const delta = latestMs - latest;
  walk(entities, (ms) => ms + delta);
  store.touch();
}

/** Rewrites each date string found in `roots` (objects and arrays, each visited once). */
function walk(roots: unknown[], map: (ms: number) => number): void {
  const seen = new Set<object>();
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!ISO_DATE.test(value)) return value;
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? value : new Date(map(ms)).toISOString();
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return value;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = visit(record[key]);
    return value;
  };
  for (const root of roots) visit(root);
}
