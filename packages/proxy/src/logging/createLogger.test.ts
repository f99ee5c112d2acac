import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from './createLogger.js';

function collect(level: LogLevel = 'info', secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    secrets: () => secrets,
    write: (line) => lines.push(line),
    now: () => new Date('2026-01-01T00:00:00.000Z'),
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON line per call with time, level and msg', () => {
    const { logger, lines } = collect();
    logger.info('started', { port: 8500 });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '2026-01-01T00:00:00.000Z', level: 'info', msg: 'started', port: 8500 },
    ]);
  });

  it('drops lines below its level', () => {
    const { logger, lines } = collect('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.line({ level: 'error', msg: 'd' });
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['c', 'd']);
  });

  it('replaces known secrets anywhere in a line, also inside longer strings and errors', () => {
    const { logger, lines } = collect('info', ['fake-secret-key', 'FAKE_ACCESS_KEY']);
    logger.error('failed', {
      detail: 'login with FAKE_ACCESS_KEY:fake-secret-key refused',
      err: new Error('token fake-secret-key expired'),
    });
    expect(lines[0]).not.toContain('fake-secret-key');
    expect(lines[0]).not.toContain('FAKE_ACCESS_KEY');
    expect(JSON.parse(lines[0]!).detail).toBe('login with [redacted]:[redacted] refused');
  });

  it('redacts values it was handed later (a caller cookie) and JWT-shaped tokens', () => {
    const { logger, lines } = collect();
    logger.addSecret('sessionid=fake-session-cookie');
    logger.addSecret('fake-session-cookie');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWZha2U';
    logger.warn('upstream said', { text: `cookie fake-session-cookie, token ${jwt}` });
    logger.info('auth', { header: 'Bearer fake-bearer-value-123' });
    expect(lines.join('\n')).not.toMatch(/fake-session-cookie|eyJhbGci|fake-bearer-value/);
    expect(JSON.parse(lines[1]!).header).toBe('Bearer [redacted]');
  });

  it('redacts a secret that contains characters JSON escapes', () => {
    const { logger, lines } = collect('info', ['fake"quoted\\secret']);
    logger.info('x', { value: 'a fake"quoted\\secret b' });
    expect(JSON.parse(lines[0]!).value).toBe('a [redacted] b');
  });

  it('still masks the first of a thousand remembered caller values, and fixed keys added late', () => {
    const secrets: string[] = [];
    const { logger, lines } = collect('info', secrets);
    const values = Array.from(
      { length: 1000 },
      (_, i) => `fake-cookie-${String(i).padStart(4, '0')}`,
    );
    for (const v of values) logger.addSecret(v);
    secrets.push('FAKE_LATE_ACCESS_KEY');
    logger.info('x', { a: `first ${values[0]}, last ${values[999]}, key FAKE_LATE_ACCESS_KEY` });
    expect(JSON.parse(lines[0]!).a).toBe('first [redacted], last [redacted], key [redacted]');
  });

  it('forgets the oldest remembered value past a thousand, but never a fixed secret', () => {
    const { logger, lines } = collect('info', ['fake-fixed-secret']);
    logger.addSecret('fake-fixed-secret');
    for (let i = 0; i < 1000; i++) logger.addSecret(`fake-cookie-${i}`);
    logger.info('x', { a: 'fake-fixed-secret fake-cookie-999' });
    expect(JSON.parse(lines[0]!).a).toBe('[redacted] [redacted]');
  });
});
