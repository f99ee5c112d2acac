type Doc = Record<string, unknown>;

/**
 * `only_fields` as the real server applies it: dotted paths (through arrays) pick parts of
 * each document, `-path` drops them; `id` always comes along. Returns fresh objects, never
 * the stored ones.
 */
export function projectDoc(doc: Doc, onlyFields: readonly string[] | undefined): Doc {
  const include = (onlyFields ?? []).filter((f) => !f.startsWith('-'));
  const exclude = (onlyFields ?? []).filter((f) => f.startsWith('-')).map((f) => f.slice(1));
  let out: Doc;
  if (include.length === 0) {
    out = structuredClone(doc);
  } else {
    out = { id: doc.id };
    for (const path of include) pick(doc, path.split('.'), out);
  }
  for (const path of exclude) drop(out, path.split('.'));
  return out;
}

function pick(src: Doc, parts: readonly string[], dst: Doc): void {
  const [key, ...rest] = parts as [string, ...string[]];
  if (!(key in src) || src[key] === undefined) return;
  const value = src[key];
  if (rest.length === 0) {
    dst[key] = structuredClone(value);
    return;
  }
  if (Array.isArray(value)) {
    const target = (Array.isArray(dst[key]) ? dst[key] : value.map(() => ({}))) as Doc[];
    value.forEach((item, i) => {
      if (isObject(item)) pick(item, rest, target[i] as Doc);
    });
    dst[key] = target;
  } else if (isObject(value)) {
    const target = (isObject(dst[key]) ? dst[key] : {}) as Doc;
    pick(value, rest, target);
    dst[key] = target;
  }
}

function drop(doc: Doc, parts: readonly string[]): void {
  const [key, ...rest] = parts as [string, ...string[]];
  if (rest.length === 0) {
    delete doc[key];
    return;
  }
  const value = doc[key];
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) if (isObject(item)) drop(item, rest);
}

function isObject(v: unknown): v is Doc {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export interface ReferenceField {
  /** Where the id sits, e.g. `project` or `models.input.model`. */
  path: string;
  resolve: (id: string) => Doc | undefined;
}

/**
 * The `*_ex` shape: reference ids become `{id}` objects, joined with the referenced
 * entity's fields the caller asked for (`project.name` → `project: {id, name}`).
 */
export function getAllExDoc(
  doc: Doc,
  onlyFields: readonly string[] | undefined,
  refs: readonly ReferenceField[],
): Doc {
  const joins = new Map<string, string[]>();
  const docFields = onlyFields?.map((f) => {
    const ref = refs.find((r) => f.startsWith(`${r.path}.`));
    if (!ref) return f;
    const list = joins.get(ref.path) ?? [];
    list.push(f.slice(ref.path.length + 1));
    joins.set(ref.path, list);
    return ref.path;
  });
  const out = projectDoc(doc, docFields && [...new Set(docFields)]);
  for (const ref of refs) {
    const wanted = joins.get(ref.path);
    replaceAt(out, ref.path.split('.'), (id) => {
      if (typeof id !== 'string') return id;
      const joined: Doc = { id };
      const target = wanted && ref.resolve(id);
      if (target) for (const sub of wanted) pick(target, sub.split('.'), joined);
      return joined;
    });
  }
  return out;
}

function replaceAt(doc: Doc, parts: readonly string[], fn: (v: unknown) => unknown): void {
  const [key, ...rest] = parts as [string, ...string[]];
  if (!(key in doc)) return;
  if (rest.length === 0) {
    doc[key] = fn(doc[key]);
    return;
  }
  const value = doc[key];
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) if (isObject(item)) replaceAt(item, rest, fn);
}
