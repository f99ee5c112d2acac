import { validationError } from '../protocol/ApiError.js';
import { getPathValues } from './getPath.js';

type Predicate = (doc: unknown) => boolean;
type Action = 'in' | 'nin' | 'all';
type Context = 'or' | 'and';

const OPERATORS: Record<string, Context> = {
  __$all: 'and',
  __$and: 'and',
  __$any: 'or',
  __$or: 'or',
};

/**
 * A list filter as ClearML reads it: values match any (`in`), `-value` or `__$not value`
 * excludes, `__$all` switches to "must contain all", `null` also admits empty fields.
 * The actions are combined with AND unless the first operator said otherwise.
 */
export function listFieldPredicate(field: string, raw: unknown): Predicate {
  const data = Array.isArray(raw) ? raw : [raw];
  const actions: Record<Action, unknown[]> = { in: [], nin: [], all: [] };
  let context: Context = 'or';
  let globalOp: Context | undefined;
  let legacy = true;
  let allowEmpty = false;
  let negateNext = false;
  for (const value of data) {
    if (value === null) {
      allowEmpty = true;
      negateNext = false;
      continue;
    }
    if (typeof value !== 'string') {
      if (typeof value === 'boolean' || typeof value === 'number') {
        actions[negateNext ? 'nin' : 'in'].push(value);
        negateNext = false;
        continue;
      }
      throw validationError(`invalid value type for field '${field}', string expected`);
    }
    if (value === '__$nop') {
      context = 'or';
      legacy = true;
      continue;
    }
    if (value === '__$not') {
      negateNext = true;
      continue;
    }
    const op = OPERATORS[value];
    if (op) {
      context = op;
      legacy = false;
      globalOp ??= op;
      continue;
    }
    if (value.startsWith('__$')) {
      throw validationError(`unsupported operator '${value}' for field '${field}'`);
    }
    let include = !negateNext;
    let v = value;
    if (!negateNext && legacy && v.startsWith('-')) {
      v = v.slice(1);
      include = false;
    }
    negateNext = false;
    actions[include ? (context === 'or' ? 'in' : 'all') : 'nin'].push(v);
  }
  const op = globalOp ?? 'and';
  const active = (Object.keys(actions) as Action[]).filter((a) => actions[a].length > 0);
  if (active.length === 0) return () => true;
  return (doc) => {
    const values = getPathValues(doc, field);
    if (allowEmpty && values.length === 0) return true;
    const results = active.map((a) => matches(a, actions[a], values));
    return op === 'and' ? results.every(Boolean) : results.some(Boolean);
  };
}

function matches(action: Action, wanted: unknown[], values: unknown[]): boolean {
  if (action === 'in') return wanted.some((w) => values.includes(w));
  if (action === 'nin') return !wanted.some((w) => values.includes(w));
  return wanted.every((w) => values.includes(w));
}
