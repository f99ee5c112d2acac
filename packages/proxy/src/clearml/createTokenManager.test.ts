import { describe, expect, it } from 'vitest';
import { refreshTime } from './createTokenManager.js';

const jwt = (payload: Record<string, unknown>) =>
  `fake.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.fake-signature`;

describe('refreshTime', () => {
  it('refreshes a 30-day token 6 minutes before it ends', () => {
    const iat = 1_000_000;
    const token = jwt({ iat, exp: iat + 30 * 86_400 });
    expect(refreshTime(token, iat * 1000)).toBe((iat + 30 * 86_400) * 1000 - 6 * 60_000);
  });

  it('refreshes a short-lived token at 90% of its life', () => {
    const token = jwt({ iat: 100, exp: 160 });
    expect(refreshTime(token, 500_000)).toBe(500_000 + 54_000);
  });

  it('counts from our clock, so a skewed ClearML clock cannot cause a login per call', () => {
    const token = jwt({ iat: 100, exp: 160 }); // issued "long ago" by a clock far behind ours
    const ours = 9_999_999_000;
    expect(refreshTime(token, ours)).toBeGreaterThan(ours);
  });

  it('without a readable exp, relies on the 401 re-login', () => {
    expect(refreshTime('not-a-jwt', 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
