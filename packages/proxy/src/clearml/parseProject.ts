import type { Project } from './types.js';
import { asObject, int, str, strings, timestamp } from './parseValues.js';
import type { WebUrls } from './webUrls.js';

export const PROJECT_LIST_FIELDS = [
  'id',
  'name',
  'basename',
  'description',
  'tags',
  'system_tags',
  'created',
  'last_update',
];

export function parentNameOf(name: string): string | null {
  const cut = name.lastIndexOf('/');
  return cut > 0 ? name.slice(0, cut) : null;
}

/** A projects.get_all_ex entry; `stats`/`sub_projects` appear only with include_stats. */
export function parseProject(raw: unknown, hasChildren: boolean, urls: WebUrls): Project {
  const p = asObject(raw) ?? {};
  const id = str(p.id) ?? '';
  const name = str(p.name) ?? '';
  const stats = asObject(p.stats);
  return {
    id,
    name,
    basename: str(p.basename) ?? name.slice(name.lastIndexOf('/') + 1),
    parent_name: parentNameOf(name),
    description: str(p.description) || null,
    tags: strings(p.tags),
    created: timestamp(p.created),
    last_update: timestamp(p.last_update),
    has_children: hasChildren,
    stats: stats ? parseStats(stats) : null,
    web_url: id ? urls.project(id) : null,
  };
}

/** `stats.active` counts non-archived tasks: `{total_tasks, status_count: {status: n}}`. */
function parseStats(stats: Record<string, unknown>): NonNullable<Project['stats']> {
  const active = asObject(stats.active) ?? {};
  const byStatus: Record<string, number> = {};
  for (const [status, count] of Object.entries(asObject(active.status_count) ?? {})) {
    const n = int(count);
    if (n !== null && n > 0) byStatus[status] = n;
  }
  const summed = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { total: int(active.total_tasks) ?? summed, by_status: byStatus };
}
