// Every log line passes through here before it is written. Known secret values are replaced
// wherever they appear (also inside longer strings such as a URL or an error message), and
// anything shaped like a credential is masked even when nobody told us about it.
import { createSecretIndex, REDACTED } from './createSecretIndex.js';

export { REDACTED };

// JWTs (ClearML tokens are JWTs) and the value after an auth scheme, as safety nets.
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi;

/** Credential-shaped text, known or not: JWTs and the value after an auth scheme. */
export function redactCredentialShapes(text: string): string {
  return text.replace(JWT, REDACTED).replace(AUTH_SCHEME, `$1 ${REDACTED}`);
}

/** One-off: `text` with these secrets and anything credential-shaped masked. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const index = createSecretIndex();
  for (const secret of new Set(secrets)) index.add(secret);
  return redactCredentialShapes(index.redact(text));
}
