// The last step of every log line: anything shaped like a credential is masked even when nobody
// told us about it. Known secret values are masked before this, by the logger's secret index.
import { REDACTED } from './createSecretIndex.js';

// JWTs (ClearML tokens are JWTs) and the value after an auth scheme, as safety nets.
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi;

/** Credential-shaped text, known or not: JWTs and the value after an auth scheme. */
export function redactCredentialShapes(text: string): string {
  return text.replace(JWT, REDACTED).replace(AUTH_SCHEME, `$1 ${REDACTED}`);
}
