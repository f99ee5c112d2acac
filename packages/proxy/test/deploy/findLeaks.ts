// Guards for every deploy file: no credential written in it, no address but service names,
// localhost and loopback.

type Env = Record<string, unknown>;

const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD|PASS|CREDENTIAL)/i;
/** A whole value that is one `${VAR}` or `${VAR:?message}` reference: no literal fallback. */
const PURE_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?\?[^}]*)?\}$/;

export function environmentOf(service: unknown): Env {
  const env = (service as { environment?: unknown } | undefined)?.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((e: string) => {
        const at = e.indexOf('=');
        return at < 0 ? [e, null] : [e.slice(0, at), e.slice(at + 1)];
      }),
    );
  }
  return (env ?? {}) as Env;
}

export function findLiteralCredentials(document: unknown): string[] {
  const problems: string[] = [];
  const services = (document as { services?: Record<string, unknown> }).services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const args = ((service as { build?: { args?: Env } }).build?.args ?? {}) as Env;
    for (const [key, value] of Object.entries({ ...environmentOf(service), ...args })) {
      if (!SECRET_NAME.test(key) || value === null || value === undefined) continue;
      if (key.endsWith('_FILE')) {
        if (!/^\/run\/secrets\//.test(String(value)) && !PURE_REFERENCE.test(String(value))) {
          problems.push(`${name}.${key} should point into /run/secrets, is ${String(value)}`);
        }
      } else if (!PURE_REFERENCE.test(String(value))) {
        problems.push(`${name}.${key} holds a literal value instead of a \${VAR} reference`);
      }
    }
  }
  const text = JSON.stringify(document);
  for (const m of text.matchAll(/[a-z]+:\/\/[^/\s"@]+:[^/\s"@]+@/gi)) {
    problems.push(`credentials inside a URL: ${m[0]}`);
  }
  return problems;
}

/** IPv4 literals other than the allowed ones (loopback by default). */
export function findAddressLiterals(text: string, allowed: string[] = ['127.0.0.1']): string[] {
  const found = text.match(/(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g) ?? [];
  return found.filter((ip) => !allowed.includes(ip));
}

/** Hosts in http(s) URLs that are neither a known name nor a ${VAR} reference. */
export function findForeignHosts(text: string, knownHosts: string[]): string[] {
  const hosts = [...text.matchAll(/https?:\/\/([^/:'"`\s)]+)/g)].map((m) => m[1]!);
  return hosts.filter(
    (h) => !h.startsWith('$') && !['localhost', '127.0.0.1', ...knownHosts].includes(h),
  );
}
