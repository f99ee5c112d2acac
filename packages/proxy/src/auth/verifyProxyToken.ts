import { timingSafeEqual } from 'node:crypto';
import { sha256, type ProxyToken } from './parseProxyTokens.js';

/**
 * Finds the token a caller presented. Both sides are SHA-256 digests, so every comparison is
 * between equal-length buffers (the length of a secret does not leak), and every configured
 * token is compared (where the match sits in the list does not leak either).
 */
export function verifyProxyToken(
  presented: string,
  tokens: readonly ProxyToken[],
): ProxyToken | undefined {
  const digest = sha256(presented);
  let found: ProxyToken | undefined;
  for (const token of tokens) {
    if (timingSafeEqual(digest, token.digest) && found === undefined) found = token;
  }
  return found;
}
