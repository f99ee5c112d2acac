// Every log line passes through here before it is written. Known secret values are replaced
// wherever they appear (also inside longer strings such as a URL or an error message), and
// anything shaped like a credential is masked even when nobody told us about it.

export const REDACTED = '[redacted]';

// JWTs (ClearML tokens are JWTs) and the value after an auth scheme, as safety nets.
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi;

/** Secrets shorter than this are not searched for: they would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  const known = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    // The same value as it appears inside a JSON string (escaped quotes, backslashes).
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
  }
  return out.replace(JWT, REDACTED).replace(AUTH_SCHEME, `$1 ${REDACTED}`);
}
