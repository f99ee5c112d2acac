import type { FieldSpec } from '../protocol/validateRequest.js';

export const TASK_STATUSES = [
  'created',
  'queued',
  'in_progress',
  'stopped',
  'published',
  'publishing',
  'closed',
  'failed',
  'completed',
  'unknown',
] as const;

export const TASK_TYPES = [
  'training',
  'testing',
  'inference',
  'data_processing',
  'application',
  'monitor',
  'controller',
  'optimizer',
  'service',
  'qc',
  'custom',
] as const;

const str: FieldSpec = { kind: 'string' };
const arr: FieldSpec = { kind: 'array' };
const bool: FieldSpec = { kind: 'boolean' };
const obj: FieldSpec = { kind: 'object' };

/** Request fields every get_all shares (paging, ordering, projection, search, scroll). */
export const COMMON_LIST_FIELDS: Record<string, FieldSpec> = {
  id: arr,
  name: str,
  tags: arr,
  system_tags: arr,
  order_by: arr,
  page: { kind: 'integer', minimum: 0 },
  page_size: { kind: 'integer', minimum: 1 },
  search_text: str,
  only_fields: arr,
  _all_: obj,
  _any_: obj,
  scroll_id: str,
  refresh_scroll: bool,
  size: { kind: 'integer', minimum: 1 },
};

export const fields = { str, arr, bool, obj };

export function boolFlag(body: Record<string, unknown>, key: string): boolean {
  return body[key] === true;
}

export function onlyFields(body: Record<string, unknown>): string[] | undefined {
  const v = body.only_fields;
  return Array.isArray(v) && v.length > 0 ? (v as string[]) : undefined;
}

/** Plain ids from a list filter, or undefined when it uses exclusions or operators. */
export function plainIds(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return undefined;
  if (!list.every((v) => typeof v === 'string' && !v.startsWith('-') && !v.startsWith('__$'))) {
    return undefined;
  }
  return list as string[];
}
