import type * as NodeCrypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Count calls into the real timingSafeEqual, to prove every comparison goes through it.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const crypto = await import('node:crypto');
const { parseProxyTokens } = await import('./parseProxyTokens.js');
const { verifyProxyToken } = await import('./verifyProxyToken.js');

const tokens = parseProxyTokens(
  {
    PROXY_API_TOKENS:
      'ci:fake-proxy-token-ci-0001,ops:fake-proxy-token-ops-0002,fake-proxy-token-third',
  },
  () => '',
);
const spy = vi.mocked(crypto.timingSafeEqual);

afterEach(() => spy.mockClear());

describe('verifyProxyToken', () => {
  it.each([
    ['the first token', 'fake-proxy-token-ci-0001', 'ci'],
    ['the last token', 'fake-proxy-token-third', 'token-3'],
  ])('finds %s and still compares against every token', (_which, presented, label) => {
    expect(verifyProxyToken(presented, tokens)?.label).toBe(label);
    expect(spy).toHaveBeenCalledTimes(tokens.length);
  });

  it.each([
    ['a wrong token of the same length', 'fake-proxy-token-ci-0009'],
    ['a prefix of a real token', 'fake-proxy-token'],
    ['a much longer token', 'fake-proxy-token-ci-0001'.repeat(40)],
    ['an empty token', ''],
  ])('refuses %s, comparing equal-length digests only', (_what, presented) => {
    expect(verifyProxyToken(presented, tokens)).toBeUndefined();
    expect(spy).toHaveBeenCalledTimes(tokens.length);
    for (const [a, b] of spy.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it('keeps digests, not the tokens themselves', () => {
    expect(JSON.stringify(tokens)).not.toContain('fake-proxy-token');
  });
});
