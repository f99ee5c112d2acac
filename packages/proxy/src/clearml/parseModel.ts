import type { Model, ModelDetails } from './types.js';
import { asObject, int, isArchived, ref, str, strings, timestamp } from './parseValues.js';
import type { WebUrls } from './webUrls.js';

export const MODEL_LIST_FIELDS = [
  'id',
  'name',
  'framework',
  'ready',
  'project.name',
  'task.name',
  'user.name',
  'created',
  'last_update',
  'tags',
  'system_tags',
  'uri',
  'labels',
];

export const MODEL_DETAIL_FIELDS = [
  ...MODEL_LIST_FIELDS,
  'comment',
  'design',
  'metadata',
  'last_iteration',
  'parent',
];

export function parseModel(raw: unknown, urls: WebUrls): Model {
  const m = asObject(raw) ?? {};
  const id = str(m.id) ?? '';
  const project = ref(m.project);
  const task = ref(m.task);
  const user = ref(m.user);
  const labels: Record<string, number> = {};
  for (const [label, index] of Object.entries(asObject(m.labels) ?? {})) {
    const n = int(index);
    if (n !== null) labels[label] = n;
  }
  return {
    id,
    name: str(m.name) ?? '',
    framework: str(m.framework) || null,
    published: m.ready === true,
    project_id: project?.id ?? null,
    project_name: project?.name ?? null,
    task_id: task?.id ?? null,
    task_name: task?.name ?? null,
    user: user ? { id: user.id, name: user.name } : null,
    created: timestamp(m.created),
    last_update: timestamp(m.last_update),
    tags: strings(m.tags),
    uri: str(m.uri) || null,
    labels,
    archived: isArchived(m.system_tags),
    web_url: id ? urls.model(project?.id ?? null, id) : null,
  };
}

export function parseModelDetails(raw: unknown, urls: WebUrls): ModelDetails {
  const m = asObject(raw) ?? {};
  const metadata: ModelDetails['metadata'] = {};
  for (const [key, item] of Object.entries(asObject(m.metadata) ?? {})) {
    const o = asObject(item);
    if (o) metadata[key] = { value: str(o.value), type: str(o.type) };
  }
  return {
    ...parseModel(m, urls),
    comment: str(m.comment),
    design: parseDesign(m.design),
    metadata,
    last_iteration: int(m.last_iteration),
    parent_id: ref(m.parent)?.id ?? null,
  };
}

/** ClearML keeps the design as an object, usually `{design: "<text>"}`. */
function parseDesign(v: unknown): string | null {
  if (typeof v === 'string') return v || null;
  const o = asObject(v);
  if (!o || Object.keys(o).length === 0) return null;
  return typeof o.design === 'string' ? o.design : JSON.stringify(o);
}
