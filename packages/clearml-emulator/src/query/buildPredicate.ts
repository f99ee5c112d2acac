import { validationError } from '../protocol/ApiError.js';
import { HIDDEN_TAG } from '../store/entities.js';
import { getPathValues } from './getPath.js';
import { listFieldPredicate } from './listFieldPredicate.js';

export type Predicate = (doc: unknown) => boolean;

export interface QueryFieldOptions {
  /** Matched as (case-sensitive) regular expressions anywhere in the value. */
  patternFields: readonly string[];
  /** Matched as list filters (any value, `-value` excludes, operators). */
  listFields: readonly string[];
  /** Matched by equality (booleans such as models' `ready`). */
  equalityFields?: readonly string[];
  /** Fields the `search_text` word index covers. */
  textFields: readonly string[];
}

/** Turns a get_all request body into one predicate; fields not named in the options are ignored. */
export function buildPredicate(body: Record<string, unknown>, opts: QueryFieldOptions): Predicate {
  const preds: Predicate[] = [];
  for (const field of opts.patternFields) {
    const pattern = body[field];
    if (typeof pattern === 'string' && pattern !== '') {
      const re = compileRegex(pattern, field, '');
      preds.push((doc) =>
        getPathValues(doc, field).some((v) => typeof v === 'string' && re.test(v)),
      );
    }
  }
  for (const field of opts.listFields) {
    const data = body[field];
    if (data !== undefined && data !== null) preds.push(listFieldPredicate(field, data));
  }
  for (const field of opts.equalityFields ?? []) {
    const value = body[field];
    if (value !== undefined && value !== null) {
      preds.push((doc) => getPathValues(doc, field).includes(value));
    }
  }
  for (const key of ['_any_', '_all_', '_or_', '_and_']) {
    const cond = body[key];
    if (cond !== undefined && cond !== null) preds.push(multiFieldPredicate(key, cond));
  }
  const text = body.search_text;
  if (typeof text === 'string' && text.trim() !== '') {
    preds.push(textPredicate(text, opts.textFields));
  }
  if (preds.length === 0) return () => true;
  if (preds.length === 1) return preds[0] as Predicate;
  return (doc) => preds.every((p) => p(doc));
}

function compileRegex(pattern: string, field: string, flags: string): RegExp {
  try {
    // Python's inline "(?i)" flag is common in hand-written filters; JS only takes flags apart.
    if (pattern.startsWith('(?i)')) return new RegExp(pattern.slice(4), `${flags}i`);
    return new RegExp(pattern, flags);
  } catch {
    throw validationError(`malformed regular expression for field '${field}'`, { field, pattern });
  }
}

function multiFieldPredicate(key: string, cond: unknown): Predicate {
  if (typeof cond !== 'object' || Array.isArray(cond)) {
    throw validationError(`incorrect field format: ${key}`);
  }
  const { pattern, fields } = cond as { pattern?: unknown; fields?: unknown };
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string')) {
    throw validationError(`incorrect field format: ${key}.fields`);
  }
  if (typeof pattern !== 'string') {
    throw validationError(`Either 'pattern' or 'datetime' should be provided: ${key}`);
  }
  if (fields.length === 0) return () => true;
  // The real server matches multi-field patterns case-insensitively ("$options": "i").
  const re = compileRegex(pattern, key, 'i');
  const fieldMatches = (doc: unknown, f: string) =>
    getPathValues(doc, f).some(
      (v) => (typeof v === 'string' || typeof v === 'number') && re.test(String(v)),
    );
  const any = key === '_any_' || key === '_or_';
  return (doc) =>
    any ? fields.some((f) => fieldMatches(doc, f)) : fields.every((f) => fieldMatches(doc, f));
}

/** A word index, not substrings: any of the query's words must appear as a whole word. */
function textPredicate(text: string, fields: readonly string[]): Predicate {
  const words = new Set(tokenize(text));
  return (doc) =>
    fields.some((f) =>
      getPathValues(doc, f).some(
        (v) => typeof v === 'string' && tokenize(v).some((w) => words.has(w)),
      ),
    );
}

function tokenize(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Leaves out entities tagged `hidden` (such as `X/.datasets`) unless search_hidden. */
export function withoutHidden(pred: Predicate, searchHidden: boolean): Predicate {
  if (searchHidden) return pred;
  return (doc) => {
    const tags = (doc as { system_tags?: unknown }).system_tags;
    return !(Array.isArray(tags) && tags.includes(HIDDEN_TAG)) && pred(doc);
  };
}
