import { createHash } from 'node:crypto';
import { cvatTaskTag } from './taskQuery.js';
import type { TaskCreate } from './types.js';

export const idempotencyTag = (key: string) => `idempotency:${key}`;
export const IDEMPOTENCY_HASH_PREFIX = 'idempotency-hash:';

/** A short, stable fingerprint of what was asked, kept on the task next to the key. */
export function requestHash(projectName: string, body: TaskCreate): string {
  return createHash('sha256').update(stableJson({ projectName, body })).digest('hex').slice(0, 16);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The contract's TaskCreate → the tasks.create request ClearML expects. */
export function buildTaskCreateBody(
  projectId: string,
  body: TaskCreate,
  idempotency: { key: string; hash: string } | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    project: projectId,
    name: body.name,
    type: body.type ?? 'training',
  };
  if (body.comment !== undefined) out.comment = body.comment;
  const tags = [...(body.tags ?? [])];
  if (body.cvat_link) tags.push(cvatTaskTag(body.cvat_link.task_id));
  out.tags = [...new Set(tags)];
  if (idempotency) {
    out.system_tags = [
      idempotencyTag(idempotency.key),
      `${IDEMPOTENCY_HASH_PREFIX}${idempotency.hash}`,
    ];
  }

  const sections: Record<string, Record<string, string>> = { ...(body.hyperparameters ?? {}) };
  if (body.cvat_link) {
    const link = body.cvat_link;
    const cvat: Record<string, string> = { task_id: String(link.task_id) };
    if (link.job_id != null) cvat.job_id = String(link.job_id);
    if (link.project_id != null) cvat.project_id = String(link.project_id);
    if (link.url != null) cvat.url = link.url;
    sections.CVAT = cvat;
  }
  const hyperparams: Record<string, Record<string, unknown>> = {};
  for (const [section, params] of Object.entries(sections)) {
    hyperparams[section] = {};
    for (const [name, value] of Object.entries(params)) {
      hyperparams[section][name] = { section, name, value, type: 'str' };
    }
  }
  if (Object.keys(hyperparams).length > 0) out.hyperparams = hyperparams;

  if (body.configuration) {
    const configuration: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(body.configuration)) {
      configuration[name] = {
        name,
        value: item.value,
        ...(item.type !== undefined ? { type: item.type } : {}),
        ...(item.description !== undefined ? { description: item.description } : {}),
      };
    }
    out.configuration = configuration;
  }
  if (body.script) {
    const { requirements, ...rest } = body.script;
    // ClearML keeps requirements by installer.
    out.script = {
      ...rest,
      ...(requirements !== undefined ? { requirements: { pip: requirements } } : {}),
    };
  }
  if (body.container) out.container = { ...body.container };
  return out;
}
