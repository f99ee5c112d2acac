import { ARCHIVED_TAG, HIDDEN_TAG, type Project, type Task } from '../store/entities.js';
import type { EmulatorStore } from '../store/EmulatorStore.js';

// The schema's stats_status_count lists these statuses only.
const COUNTED = [
  'created',
  'completed',
  'queued',
  'in_progress',
  'stopped',
  'published',
  'closed',
  'failed',
  'unknown',
];
const DAY_MS = 24 * 3600 * 1000;

/** `stats.active` as get_all_ex with include_stats returns it (children included by default). */
export function projectStats(
  store: EmulatorStore,
  project: Project,
  opts: { withChildren: boolean; searchHidden: boolean; nowMs: number },
): Record<string, unknown> {
  const projectIds = [project.id];
  if (opts.withChildren) for (const d of store.descendantsOf(project.id)) projectIds.push(d.id);
  const statusCount: Record<string, number> = Object.fromEntries(COUNTED.map((s) => [s, 0]));
  let total = 0;
  let runtime = 0;
  let completed24h = 0;
  let lastRun = 0;
  for (const id of projectIds) {
    for (const t of store.tasksInProject(id)) {
      if (t.system_tags.includes(ARCHIVED_TAG)) continue;
      if (!opts.searchHidden && t.system_tags.includes(HIDDEN_TAG)) continue;
      total++;
      if (t.status in statusCount) statusCount[t.status] = (statusCount[t.status] as number) + 1;
      runtime += typeof t.active_duration === 'number' ? t.active_duration : 0;
      if (completedRecently(t, opts.nowMs)) completed24h++;
      const started = typeof t.started === 'string' ? Date.parse(t.started) : 0;
      if (started > lastRun) lastRun = started;
    }
  }
  const active: Record<string, unknown> = {
    status_count: statusCount,
    total_tasks: total,
    total_runtime: runtime,
    completed_tasks_24h: completed24h,
  };
  if (lastRun > 0) active.last_task_run = lastRun;
  return { active };
}

function completedRecently(t: Task, nowMs: number): boolean {
  if (typeof t.completed !== 'string') return false;
  return nowMs - Date.parse(t.completed) <= DAY_MS;
}
