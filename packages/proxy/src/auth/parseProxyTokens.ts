import { createHash } from 'node:crypto';

export interface ProxyToken {
  /** Who holds the token (shown in logs and /session); never the token itself. */
  label: string;
  /** SHA-256 of the token: the raw value is not kept in memory after start-up. */
  digest: Buffer;
}

export const MIN_TOKEN_LENGTH = 16;

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

const LABEL = /^[A-Za-z0-9_.@-]{1,64}$/;

function parseEntry(raw: string, index: number, source: string): ProxyToken {
  const colon = raw.indexOf(':');
  const label = colon > 0 ? raw.slice(0, colon).trim() : `token-${index + 1}`;
  const token = colon > 0 ? raw.slice(colon + 1).trim() : raw;
  // Messages name the entry by position and label only: a token must never reach a log.
  if (colon > 0 && !LABEL.test(label)) {
    throw new Error(`${source}: entry ${index + 1} has a label that is not [A-Za-z0-9_.@-]{1,64}`);
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `${source}: entry ${index + 1} (${label}) is shorter than ${MIN_TOKEN_LENGTH} characters`,
    );
  }
  if (/\s/.test(token)) {
    throw new Error(`${source}: entry ${index + 1} (${label}) contains whitespace`);
  }
  return { label, digest: sha256(token) };
}

/** PROXY_API_TOKENS (comma-separated, `label:token` or `token`) and PROXY_API_TOKENS_FILE (one a line). */
export function parseProxyTokens(
  env: Record<string, string | undefined>,
  readFile: (path: string) => string,
): ProxyToken[] {
  const tokens: ProxyToken[] = [];
  const inline = (env.PROXY_API_TOKENS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  inline.forEach((entry, i) => tokens.push(parseEntry(entry, i, 'PROXY_API_TOKENS')));
  const file = env.PROXY_API_TOKENS_FILE?.trim();
  if (file) {
    let text: string;
    try {
      text = readFile(file);
    } catch {
      throw new Error('PROXY_API_TOKENS_FILE: cannot read the file');
    }
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('#'))
      .forEach((entry, i) =>
        tokens.push(parseEntry(entry, inline.length + i, 'PROXY_API_TOKENS_FILE')),
      );
  }
  const labels = new Set<string>();
  const digests = new Set<string>();
  for (const t of tokens) {
    if (labels.has(t.label)) throw new Error(`PROXY_API_TOKENS: label "${t.label}" is used twice`);
    if (digests.has(t.digest.toString('hex'))) {
      throw new Error(`PROXY_API_TOKENS: token "${t.label}" is listed twice`);
    }
    labels.add(t.label);
    digests.add(t.digest.toString('hex'));
  }
  return tokens;
}
