import { missingField, validationError } from './ApiError.js';

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface FieldSpec {
  kind: FieldKind;
  /** Allowed values (for arrays: of each item). */
  enum?: readonly string[];
  minimum?: number;
}

export interface RequestSpec {
  required?: readonly string[];
  fields: Readonly<Record<string, FieldSpec>>;
}

// List filters accept ClearML's operators and the legacy "-value" exclusion; null means "empty".
const LIST_OPERATOR = /^__\$(not|all|and|any|or|nop)$/;

/**
 * Checks a request body as the real server does before it runs an endpoint: missing
 * required field → 400/11, wrong type, enum value or bound → 400/12. Unknown fields pass.
 */
export function validateRequest(spec: RequestSpec, body: Record<string, unknown>): void {
  for (const name of spec.required ?? []) {
    if (body[name] === undefined || body[name] === null) throw missingField(name);
  }
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = body[name];
    if (value === undefined || value === null) continue;
    if (field.kind === 'array' && !Array.isArray(value)) {
      // The real list-filter code wraps a single value; mirror it instead of rejecting.
      if (typeof value !== 'string') throw typeError(name, 'array');
      body[name] = [value];
    }
    checkValue(name, field, body[name]);
  }
}

function checkValue(name: string, field: FieldSpec, value: unknown): void {
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string') throw typeError(name, 'string');
      if (field.enum && !field.enum.includes(value)) throw enumError(name, value, field.enum);
      return;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw typeError(name, field.kind);
      if (field.kind === 'integer' && !Number.isInteger(value)) throw typeError(name, 'integer');
      if (field.minimum !== undefined && value < field.minimum) {
        throw validationError(`${name} must be >= ${field.minimum}`, { field: name });
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(name, 'boolean');
      return;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) throw typeError(name, 'object');
      return;
    case 'array':
      for (const item of value as unknown[]) {
        if (item === null) continue;
        if (typeof item !== 'string') throw typeError(`${name} item`, 'string');
        if (!field.enum || LIST_OPERATOR.test(item)) continue;
        const bare = item.startsWith('-') ? item.slice(1) : item;
        if (!field.enum.includes(bare)) throw enumError(name, item, field.enum);
      }
      return;
  }
}

const typeError = (name: string, expected: string) =>
  validationError(`invalid type for field '${name}': expected ${expected}`, { field: name });

const enumError = (name: string, value: string, allowed: readonly string[]) =>
  validationError(
    `value '${value}' of field '${name}' is not one of the allowed values: ${allowed.join(', ')}`,
    { field: name, value },
  );

/**
 * Query-string parameters are strings; the real server coerces them by the schema's types
 * before merging them into the body.
 */
export function coerceQuery(
  spec: RequestSpec | undefined,
  params: URLSearchParams,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    const kind = spec?.fields[key]?.kind;
    const last = values[values.length - 1] as string;
    if (kind === 'array') out[key] = values;
    else if (kind === 'integer' || kind === 'number') out[key] = toNumber(last);
    else if (kind === 'boolean') out[key] = toBoolean(last);
    else out[key] = values.length > 1 ? values : last;
  }
  return out;
}

function toNumber(v: string): number | string {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

function toBoolean(v: string): boolean | string {
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return v;
}
