import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../protocol/ApiError.js';

export const API_VERSION = '2.34';
export const SERVER_VERSION = '2.3.0';
export const ONE_YEAR_SEC = 365 * 24 * 3600;

export interface Identity {
  user: string;
  company: string;
  role: string;
  user_name: string;
  company_name: string;
}

export interface TokenPayload {
  identity: Identity;
  api_version: string;
  server_version: string;
  env: string;
  iat: number;
  exp: number;
  /** Issue sequence number: lets "expire all tokens" revoke without a list of tokens. */
  jti: string;
}

const invalidToken = (reason: string) =>
  new ApiError(401, 30, `Invalid token (invalid jwt token): reason=${reason}`);

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/**
 * Issues and checks JWT-shaped tokens (HS256 with a secret that lives and dies with one
 * emulator), the shape ClearML's own tokens have, so clients can read `exp` unverified.
 */
export class TokenService {
  private readonly secret = randomBytes(32);
  private seq = 0;
  private firstValidSeq = 0;

  constructor(private readonly nowMs: () => number) {}

  issue(identity: Identity, lifetimeSec: number): string {
    const iat = Math.floor(this.nowMs() / 1000);
    const payload: TokenPayload = {
      identity,
      api_version: API_VERSION,
      server_version: SERVER_VERSION,
      env: 'emulator',
      iat,
      exp: iat + Math.max(1, Math.floor(lifetimeSec)),
      jti: String(this.seq++),
    };
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64url(JSON.stringify(payload));
    return `${head}.${body}.${this.sign(`${head}.${body}`)}`;
  }

  /** Returns the token's payload or throws 401/30 the way the real server words it. */
  verify(token: string): TokenPayload {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalidToken('Not enough segments');
    const [head, body, sig] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${head}.${body}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw invalidToken('Signature verification failed');
    }
    let payload: TokenPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    } catch {
      throw invalidToken('Invalid payload string');
    }
    if (this.nowMs() / 1000 >= payload.exp) throw invalidToken('Signature has expired');
    if (Number(payload.jti) < this.firstValidSeq) throw invalidToken('Token has been revoked');
    return payload;
  }

  /** Every token issued so far becomes invalid. */
  revokeAll(): void {
    this.firstValidSeq = this.seq;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}
