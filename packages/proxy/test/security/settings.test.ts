import { describe, expect, it } from 'vitest';
import { createSecurity, type SecurityDeps } from '../../src/auth/index.js';

const deps = (over: Partial<SecurityDeps> = {}): SecurityDeps => ({
  log: () => undefined,
  host: '127.0.0.1',
  demo: false,
  ...over,
});
const TOKEN = 'fake-proxy-token-0001';

describe('security settings are checked at start-up, naming the variable', () => {
  it('in demo mode on loopback, AUTH_MODE defaults to none', () => {
    expect(createSecurity({}, deps({ demo: true })).mode).toBe('none');
  });

  it('outside demo mode, AUTH_MODE defaults to cvat and CVAT_URL is required', () => {
    expect(() => createSecurity({}, deps())).toThrow(/^CVAT_URL: required/);
    expect(createSecurity({ CVAT_URL: 'http://127.0.0.1:8080' }, deps()).mode).toBe('cvat');
  });

  it.each(['0.0.0.0', '::', '', 'proxy.example.com'])(
    'AUTH_MODE=none is refused when HOST is %j',
    (host) => {
      expect(() => createSecurity({ AUTH_MODE: 'none' }, deps({ host }))).toThrow(
        'AUTH_MODE=none is only allowed when HOST is a loopback address',
      );
      expect(() => createSecurity({}, deps({ host, demo: true }))).toThrow(/loopback/);
    },
  );

  it.each(['127.0.0.1', 'localhost', '::1'])('AUTH_MODE=none is allowed on %s', (host) => {
    expect(createSecurity({ AUTH_MODE: 'none' }, deps({ host })).mode).toBe('none');
  });

  it.each([
    [{ AUTH_MODE: 'ldap' }, /^AUTH_MODE: must be cvat, token or none/],
    [{ CVAT_URL: 'ftp://cvat' }, /^CVAT_URL: must be an http\(s\) URL/],
    [{ CVAT_URL: 'not a url' }, /^CVAT_URL: must be an http\(s\) URL/],
    [{ CVAT_URL: 'http://fake:fake-pass@127.0.0.1' }, /^CVAT_URL: must not contain credentials/],
    [{ AUTH_MODE: 'token' }, /^PROXY_API_TOKENS: at least one token/],
    [
      { AUTH_MODE: 'token', PROXY_API_TOKENS: 'fake-short' },
      /^PROXY_API_TOKENS: entry 1 \(token-1\) is shorter than 16/,
    ],
    [
      { AUTH_MODE: 'token', PROXY_API_TOKENS: `a:${TOKEN},b:${TOKEN}` },
      /^PROXY_API_TOKENS: token "b" is listed twice/,
    ],
    [{ AUTH_MODE: 'none', READ_ONLY: 'maybe' }, /^READ_ONLY: must be true or false/],
    [
      { AUTH_MODE: 'none', RATE_LIMIT_PER_MINUTE: '-1' },
      /^RATE_LIMIT_PER_MINUTE: must be a whole number/,
    ],
    [
      { AUTH_MODE: 'none', CVAT_AUTH_CACHE_SECONDS: '99999' },
      /^CVAT_AUTH_CACHE_SECONDS: must be between/,
    ],
    [{ AUTH_MODE: 'none', CORS_ORIGINS: '*' }, /^CORS_ORIGINS: "\*" is not allowed/],
    [
      { AUTH_MODE: 'none', CORS_ORIGINS: 'https://cvat.example.com/path' },
      /^CORS_ORIGINS: .* is not an origin/,
    ],
    [{ AUTH_MODE: 'none', TRUST_PROXY: 'yes please' }, /^TRUST_PROXY: must be/],
  ])('%j fails with %s', (env, message) => {
    expect(() => createSecurity({ CVAT_URL: 'http://127.0.0.1:8080', ...env }, deps())).toThrow(
      message,
    );
  });

  it('a rejected token is never echoed in the error', () => {
    try {
      createSecurity({ AUTH_MODE: 'token', PROXY_API_TOKENS: 'fake-short-tok' }, deps());
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain('fake-short-tok');
    }
  });

  it('PROXY_API_TOKENS_FILE is read one token a line, comments and blanks skipped', () => {
    const security = createSecurity(
      { AUTH_MODE: 'token', PROXY_API_TOKENS_FILE: '/run/secrets/fake-tokens' },
      deps({
        readFile: (path) => {
          expect(path).toBe('/run/secrets/fake-tokens');
          return `# CI\nci:${TOKEN}\n\nfake-proxy-token-0002\n`;
        },
      }),
    );
    expect(security.mode).toBe('token');
    expect(() =>
      createSecurity(
        { AUTH_MODE: 'token', PROXY_API_TOKENS_FILE: '/nope' },
        deps({
          readFile: () => {
            throw new Error('ENOENT');
          },
        }),
      ),
    ).toThrow('PROXY_API_TOKENS_FILE: cannot read the file');
  });

  it('the start-up log line lists token labels, never tokens', () => {
    const lines: Record<string, unknown>[] = [];
    createSecurity(
      { AUTH_MODE: 'token', PROXY_API_TOKENS: `ci:${TOKEN}` },
      deps({ log: (l) => lines.push(l) }),
    );
    expect(JSON.stringify(lines)).toContain('"tokens":["ci"]');
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});
