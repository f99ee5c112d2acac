import { describe, expect, it } from 'vitest';
import { createSecretIndex, REDACTED } from './createSecretIndex.js';

const R = REDACTED;

describe('createSecretIndex', () => {
  it('masks every occurrence, at the start, the end and back to back', () => {
    const index = createSecretIndex();
    index.add('fake-secret');
    expect(index.redact('fake-secret x fake-secretfake-secret')).toBe(`${R} x ${R}${R}`);
  });

  it('masks a secret that contains another whole, whichever was added first', () => {
    const index = createSecretIndex();
    index.add('fake-token');
    index.add('fake-token-long-part');
    index.add('prefix-fake-token');
    expect(index.redact('a fake-token-long-part b prefix-fake-token c fake-token')).toBe(
      `a ${R} b ${R} c ${R}`,
    );
  });

  it('masks the form a secret takes inside a JSON string', () => {
    const index = createSecretIndex();
    index.add('fake"quote\\d');
    expect(index.redact(JSON.stringify({ v: 'x fake"quote\\d y' }))).toBe(`{"v":"x ${R} y"}`);
  });

  it('ignores values too short to search for, and forgets deleted ones', () => {
    const index = createSecretIndex();
    index.add('abc');
    index.add('fake-gone');
    index.add('fake-gone');
    index.delete('fake-gone');
    // Added twice, deleted once: still a secret.
    expect(index.redact('abc fake-gone')).toBe(`abc ${R}`);
    index.delete('fake-gone');
    expect(index.redact('abc fake-gone')).toBe('abc fake-gone');
    expect(index.size).toBe(0);
  });

  it('leaves text without secrets untouched', () => {
    const index = createSecretIndex();
    index.add('fake-secret');
    expect(index.redact('fake-secre and ake-secret')).toBe('fake-secre and ake-secret');
  });
});
