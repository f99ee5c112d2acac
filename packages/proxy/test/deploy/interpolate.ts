// Compose's variable interpolation, as far as our files use it: $VAR, ${VAR}, ${VAR:-default},
// ${VAR-default}, ${VAR:?message}, ${VAR?message}, and $$ for a literal dollar. Applied to every
// string in a parsed compose file, the way `docker compose config` would resolve it.

export class InterpolationError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

const REFERENCE =
  /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function interpolateString(text: string, env: Record<string, string | undefined>): string {
  return text.replace(
    REFERENCE,
    (whole, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare)!;
      const value = env[name];
      const missing = op?.startsWith(':')
        ? value === undefined || value === ''
        : value === undefined;
      if (op?.endsWith('-')) return missing ? arg! : value!;
      if (op?.endsWith('?')) {
        if (missing)
          throw new InterpolationError(name, `${name}: ${arg || 'required variable is missing'}`);
        return value!;
      }
      return value ?? '';
    },
  );
}

export function interpolate<T>(node: T, env: Record<string, string | undefined>): T {
  if (typeof node === 'string') return interpolateString(node, env) as T;
  if (Array.isArray(node)) return node.map((n: unknown) => interpolate(n, env)) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, interpolate(v as unknown, env)]),
    ) as T;
  }
  return node;
}

/** Names of every variable a text refers to (for documentation checks). */
export function referencedVariables(text: string): string[] {
  const names = [...text.matchAll(REFERENCE)].map((m) => m[1] ?? m[4]).filter(Boolean);
  return [...new Set(names as string[])].sort();
}
