import type { EmulatorStore } from '../store/EmulatorStore.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** Where one date string sits: the object holding it, its key, and its time. */
interface DateSlot {
  holder: Record<string, unknown>;
  key: string;
  ms: number;
}

/**
 * Moves every ISO date of the stored projects, tasks and models by one amount, so that the
 * latest falls at `latestMs`. The seeded data is anchored at a fixed day so that tests are
 * reproducible; shifted, a demo reads like a live server ("Running, updated 5 minutes ago")
 * with every gap and order between dates kept. The shift is applied after seeding rather than
 * in each generator because only the finished data knows its latest date (runs end hours and
 * models days after the anchor).
 */
export function shiftDates(store: EmulatorStore, latestMs: number): void {
  const slots = dateSlots([
    ...store.projects.values(),
    ...store.tasks.values(),
    ...store.models.values(),
  ]);
  if (slots.length === 0) return;
  const delta = latestMs - slots.reduce((max, s) => Math.max(max, s.ms), -Infinity);
  for (const { holder, key, ms } of slots) holder[key] = new Date(ms + delta).toISOString();
  store.touch();
}

/** Every date string under `roots` (objects and arrays, each visited once). */
function dateSlots(roots: unknown[]): DateSlot[] {
  const slots: DateSlot[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    const holder = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(holder)) {
      if (typeof child === 'string') {
        const ms = ISO_DATE.test(child) ? Date.parse(child) : NaN;
        if (!Number.isNaN(ms)) slots.push({ holder, key, ms });
      } else visit(child);
    }
  };
  for (const root of roots) visit(root);
  return slots;
}
