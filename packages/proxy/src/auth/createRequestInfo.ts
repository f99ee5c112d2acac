import type { Request } from 'express';
import type { TLSSocket } from 'node:tls';

export interface RequestInfo {
  /** The client's address: the socket's, or X-Forwarded-For's when TRUST_PROXY says so. */
  clientIp(req: Request): string;
  /** Did the request reach us (or our trusted proxy) over https? */
  isHttps(req: Request): boolean;
  /** The host[:port] the browser used to reach the proxy (lowercase), if it can be told. */
  ownHost(req: Request): string | undefined;
}

const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

/**
 * Forwarded headers are believed only with TRUST_PROXY: otherwise any caller could pick their
 * own rate-limit key or claim to be on https.
 */
export function createRequestInfo(trustProxy: boolean | number): RequestInfo {
  const trusted = trustProxy === true || (typeof trustProxy === 'number' && trustProxy > 0);
  const socketIp = (req: Request) => req.socket.remoteAddress ?? 'unknown';
  const isHttps = (req: Request) =>
    Boolean((req.socket as Partial<TLSSocket>).encrypted) ||
    (trusted && first(req.headers['x-forwarded-proto'])?.toLowerCase() === 'https');
  return {
    clientIp(req) {
      if (!trusted) return socketIp(req);
      const hops = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter((h) => h.length > 0);
      if (hops.length === 0) return socketIp(req);
      // With N trusted hops, the address the Nth proxy saw is N from the right.
      const index = trustProxy === true ? 0 : Math.max(0, hops.length - Number(trustProxy));
      return hops[index]?.slice(0, 64) ?? socketIp(req);
    },
    isHttps,
    ownHost(req) {
      const host = (trusted && first(req.headers['x-forwarded-host'])) || req.headers.host;
      if (!host) return undefined;
      try {
        return new URL(`http://${host}`).host;
      } catch {
        return undefined;
      }
    },
  };
}
