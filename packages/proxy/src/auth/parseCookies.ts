/** Parses a Cookie header leniently: malformed pairs are skipped, never an error. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
      value = value.slice(1, -1);
    // The first occurrence wins, as in browsers' ordering (most specific path first).
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}
