import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A HOCON subset, enough for ClearML's schema files: comments (`//`, `#`), unquoted and
 * dotted keys, `:`/`=`/no separator before `{`, quoted, triple-quoted and unquoted
 * strings, arrays split by commas or newlines, `include "file"`, and `${a."b"}`
 * substitutions, possibly followed by an object that is merged over them.
 */
export type HoconValue =
  string | number | boolean | null | HoconValue[] | { [key: string]: HoconValue };

class Subst {
  constructor(readonly path: string[]) {}
}
class Concat {
  constructor(readonly parts: Raw[]) {}
}
type Raw = HoconValue | Subst | Concat | Raw[] | { [key: string]: Raw };

export function parseHoconFile(file: string): Record<string, HoconValue> {
  const root = new Parser(readFileSync(file, 'utf8'), dirname(file)).parseRoot();
  return resolve(root, root, []) as Record<string, HoconValue>;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly dir: string,
  ) {}

  parseRoot(): Record<string, Raw> {
    this.skip(true);
    if (this.text[this.pos] === '{') {
      this.pos++;
      return this.parseObjectBody('}');
    }
    return this.parseObjectBody(undefined);
  }

  private fail(msg: string): never {
    const line = this.text.slice(0, this.pos).split('\n').length;
    throw new Error(`HOCON: ${msg} at line ${line}`);
  }

  /** Skips spaces and comments, and newlines and commas when `lines`. */
  private skip(lines: boolean): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (lines && (c === '\n' || c === ',')) this.pos++;
      else if (c === '#' || (c === '/' && this.text[this.pos + 1] === '/')) {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private parseObjectBody(end: string | undefined): Record<string, Raw> {
    const obj: Record<string, Raw> = {};
    for (;;) {
      this.skip(true);
      const c = this.text[this.pos];
      if (c === undefined) {
        if (end) this.fail(`missing '${end}'`);
        return obj;
      }
      if (c === end) {
        this.pos++;
        return obj;
      }
      if (this.text.startsWith('include', this.pos) && /\s/.test(this.text[this.pos + 7] ?? '')) {
        this.pos += 7;
        this.skip(false);
        const name = this.parseQuoted();
        const included = new Parser(
          readFileSync(join(this.dir, name), 'utf8'),
          this.dir,
        ).parseRoot();
        mergeInto(obj, included);
        continue;
      }
      const path = this.parseKey();
      this.skip(false);
      if (this.text[this.pos] === ':' || this.text[this.pos] === '=') this.pos++;
      this.skip(false);
      setPath(obj, path, this.parseValue());
    }
  }

  private parseKey(): string[] {
    const parts: string[] = [];
    let current = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === '"') {
        current += this.parseQuoted();
      } else if (c === '.') {
        parts.push(current);
        current = '';
        this.pos++;
      } else if (c === undefined || /[\s:={]/.test(c)) {
        break;
      } else {
        current += c;
        this.pos++;
      }
    }
    parts.push(current);
    if (parts.some((p) => p === '')) this.fail('empty key');
    return parts;
  }

  private parseValue(): Raw {
    const pieces: Raw[] = [];
    for (;;) {
      const c = this.text[this.pos];
      if (c === '{') {
        this.pos++;
        pieces.push(this.parseObjectBody('}'));
      } else if (c === '[') {
        this.pos++;
        pieces.push(this.parseArray());
      } else if (c === '$' && this.text[this.pos + 1] === '{') {
        pieces.push(this.parseSubst());
      } else if (pieces.length === 0) {
        pieces.push(this.parseScalar());
      }
      this.skip(false);
      const next = this.text[this.pos];
      if (!(next === '{' || (next === '$' && this.text[this.pos + 1] === '{'))) break;
    }
    return pieces.length === 1 ? (pieces[0] as Raw) : new Concat(pieces);
  }

  private parseArray(): Raw[] {
    const out: Raw[] = [];
    for (;;) {
      this.skip(true);
      if (this.text[this.pos] === ']') {
        this.pos++;
        return out;
      }
      if (this.text[this.pos] === undefined) this.fail("missing ']'");
      out.push(this.parseValue());
    }
  }

  private parseSubst(): Subst {
    this.pos += 2;
    const end = this.text.indexOf('}', this.pos);
    const inner = new Parser(this.text.slice(this.pos, end), this.dir);
    this.pos = end + 1;
    return new Subst(inner.parseKey());
  }

  private parseQuoted(): string {
    if (this.text.startsWith('"""', this.pos)) {
      const end = this.text.indexOf('"""', this.pos + 3);
      if (end < 0) this.fail('unterminated """ string');
      const s = this.text.slice(this.pos + 3, end);
      this.pos = end + 3;
      return s;
    }
    const start = this.pos;
    this.pos++;
    while (this.text[this.pos] !== '"') {
      if (this.text[this.pos] === undefined) this.fail('unterminated string');
      if (this.text[this.pos] === '\\') this.pos++;
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos).replace(/\\([<>])/g, '$1')) as string;
  }

  private parseScalar(): HoconValue {
    if (this.text[this.pos] === '"') return this.parseQuoted();
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (c === '\n' || c === ',' || c === '}' || c === ']' || c === '#') break;
      if (c === '/' && this.text[this.pos + 1] === '/') break;
      this.pos++;
    }
    const raw = this.text.slice(start, this.pos).trim();
    if (raw === '') this.fail('missing value');
    if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
    if (raw === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    return raw;
  }
}

function isPlainObject(v: unknown): v is Record<string, Raw> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    !(v instanceof Subst) &&
    !(v instanceof Concat)
  );
}

function setPath(obj: Record<string, Raw>, path: string[], value: Raw): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length > 0) {
    if (!isPlainObject(obj[head]))
      obj[head] = obj[head] === undefined ? {} : new Concat([obj[head] as Raw, {}]);
    const target = obj[head];
    if (target instanceof Concat) {
      const last = target.parts[target.parts.length - 1] as Record<string, Raw>;
      setPath(last, rest, value);
    } else {
      setPath(target as Record<string, Raw>, rest, value);
    }
    return;
  }
  const existing = obj[head];
  if (isPlainObject(existing) && isPlainObject(value)) mergeInto(existing, value);
  else if (
    existing !== undefined &&
    (existing instanceof Subst || existing instanceof Concat) &&
    isPlainObject(value)
  ) {
    obj[head] = new Concat([existing, value]);
  } else obj[head] = value;
}

function mergeInto(target: Record<string, Raw>, source: Record<string, Raw>): void {
  for (const [k, v] of Object.entries(source)) setPath(target, [k], v);
}

function resolve(node: Raw, root: Record<string, Raw>, seen: string[]): HoconValue {
  if (node instanceof Subst) {
    const key = node.path.join('.');
    if (seen.includes(key)) throw new Error(`HOCON: cyclic substitution \${${key}}`);
    let target: Raw | undefined = root;
    for (const part of node.path) target = isPlainObject(target) ? target[part] : undefined;
    if (target === undefined) throw new Error(`HOCON: unresolved substitution \${${key}}`);
    return resolve(target, root, [...seen, key]);
  }
  if (node instanceof Concat) {
    const merged: Record<string, HoconValue> = {};
    for (const part of node.parts) deepMerge(merged, resolve(part, root, seen));
    return merged;
  }
  if (Array.isArray(node)) return node.map((n) => resolve(n, root, seen));
  if (isPlainObject(node)) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v, root, seen)]));
  }
  return node as HoconValue;
}

function deepMerge(target: Record<string, HoconValue>, source: HoconValue): void {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return;
  for (const [k, v] of Object.entries(source)) {
    const existing = target[k];
    if (
      existing &&
      typeof existing === 'object' &&
      !Array.isArray(existing) &&
      v &&
      typeof v === 'object' &&
      !Array.isArray(v)
    ) {
      const copy = { ...existing };
      deepMerge(copy, v);
      target[k] = copy;
    } else {
      target[k] = structuredClone(v);
    }
  }
}
