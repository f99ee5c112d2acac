// The subset of HOCON that clearml.conf files use: nested blocks, `key: value` / `key = value`
// / `key { ... }`, dotted keys, quoted ("..." and """...""") and unquoted values, arrays,
// optional commas, `#` and `//` comments. Duplicate blocks merge, later scalars win (as HOCON).
// `${...}` substitutions and includes are not resolved: their text is kept as the value.

export type ConfValue = string | number | boolean | null | ConfValue[] | ConfObject;
export interface ConfObject {
  [key: string]: ConfValue;
}

export class ConfParseError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
  }
}

const KEY_STOP = new Set(['{', '}', '[', ']', ',', ':', '=', '\n', '#', '"', ' ', '\t', '\r']);
// Values run to the end of the line: clearml.conf writes URLs unquoted (`http://host:8008`),
// so `:` is part of a value and `//` starts a comment only after whitespace.
const VALUE_STOP = new Set(['}', ']', ',', '\n', '#']);

export function parseClearmlConf(text: string): ConfObject {
  let pos = 0;
  const lineAt = () => text.slice(0, pos).split('\n').length;
  const fail = (message: string): never => {
    throw new ConfParseError(message, lineAt());
  };

  const skip = (newlines: boolean) => {
    while (pos < text.length) {
      const c = text[pos]!;
      if (c === '#' || text.startsWith('//', pos)) {
        while (pos < text.length && text[pos] !== '\n') pos++;
      } else if (c === ' ' || c === '\t' || c === '\r' || (newlines && (c === '\n' || c === ','))) {
        pos++;
      } else break;
    }
  };

  const quoted = (): string => {
    if (text.startsWith('"""', pos)) {
      const end = text.indexOf('"""', pos + 3);
      if (end < 0) fail('unterminated """ string');
      const value = text.slice(pos + 3, end);
      pos = end + 3;
      return value;
    }
    let end = pos + 1;
    while (end < text.length && text[end] !== '"') {
      if (text[end] === '\n') fail('unterminated string');
      end += text[end] === '\\' ? 2 : 1;
    }
    if (end >= text.length) fail('unterminated string');
    const raw = text.slice(pos, end + 1);
    pos = end + 1;
    try {
      return JSON.parse(raw) as string;
    } catch {
      return fail('invalid escape in string');
    }
  };

  const unquotedKey = (): string => {
    const start = pos;
    while (pos < text.length && !KEY_STOP.has(text[pos]!) && !text.startsWith('//', pos)) pos++;
    return text.slice(start, pos);
  };

  const unquotedValue = (): string => {
    const start = pos;
    while (pos < text.length && !VALUE_STOP.has(text[pos]!)) {
      if (text.startsWith('//', pos) && (pos === start || /\s/.test(text[pos - 1]!))) break;
      pos++;
    }
    return text.slice(start, pos).trim();
  };

  const key = (): string[] => {
    skip(false);
    if (text[pos] === '"') return [quoted()];
    const raw = unquotedKey();
    if (!raw) fail(`expected a key, found ${JSON.stringify(text[pos] ?? 'end of file')}`);
    return raw.split('.').map((part) => part.trim());
  };

  const scalar = (raw: string): ConfValue => {
    if (raw === 'true' || raw === 'yes' || raw === 'on') return true;
    if (raw === 'false' || raw === 'no' || raw === 'off') return false;
    if (raw === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    return raw;
  };

  const value = (): ConfValue => {
    skip(false);
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj = members('}');
      pos++;
      return obj;
    }
    if (c === '[') {
      pos++;
      const items: ConfValue[] = [];
      for (;;) {
        skip(true);
        if (pos >= text.length) fail('unterminated array');
        if (text[pos] === ']') break;
        items.push(value());
      }
      pos++;
      return items;
    }
    if (c === '"') return quoted();
    const raw = unquotedValue();
    if (!raw) fail('expected a value');
    return scalar(raw);
  };

  const assign = (target: ConfObject, path: string[], v: ConfValue) => {
    let obj = target;
    for (const part of path.slice(0, -1)) {
      const next = obj[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) obj[part] = {};
      obj = obj[part] as ConfObject;
    }
    const last = path[path.length - 1]!;
    const existing = obj[last];
    if (isObject(existing) && isObject(v)) merge(existing, v);
    else obj[last] = v;
  };

  function members(close: '}' | ''): ConfObject {
    const obj: ConfObject = {};
    for (;;) {
      skip(true);
      if (pos >= text.length) {
        if (close) fail('missing }');
        return obj;
      }
      if (text[pos] === '}') {
        if (!close) fail('unexpected }');
        return obj;
      }
      const path = key();
      skip(false);
      if (text[pos] === ':' || text[pos] === '=') pos++;
      else if (text[pos] !== '{') fail(`expected ':', '=' or '{' after ${path.join('.')}`);
      assign(obj, path, value());
    }
  }

  return members('');
}

function isObject(v: ConfValue | undefined): v is ConfObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(into: ConfObject, from: ConfObject) {
  for (const [k, v] of Object.entries(from)) {
    const existing = into[k];
    if (isObject(existing) && isObject(v)) merge(existing, v);
    else into[k] = v;
  }
}
