import { describe, expect, it } from 'vitest';
import { containsCaselessPattern, escapeRegex, exactNamePattern } from './escapeRegex.js';

describe('escapeRegex', () => {
  const tricky = [
    'a.b',
    '(x) y',
    'cats',
    'x+y*z?',
    '[a]{2}|b',
    'back\\slash',
    'a/b/c',
    '^$',
    'we-ird_1:2',
  ];

  it.each(tricky)(
    'an exact pattern for %j matches only that name, also in unicode mode',
    (name) => {
      for (const flags of ['', 'u']) {
        const re = new RegExp(exactNamePattern(name), flags);
        expect(re.test(name)).toBe(true);
        expect(re.test(`${name}_v2`)).toBe(false);
        expect(re.test(`wild/${name}`)).toBe(false);
      }
    },
  );

  it('a dot does not match any character', () => {
    expect(new RegExp(exactNamePattern('a.b')).test('axb')).toBe(false);
  });

  it('leaves ordinary characters alone', () => {
    expect(escapeRegex('Vision Detection-2_x')).toBe('Vision Detection-2_x');
  });
});

describe('containsCaselessPattern', () => {
  it('matches the text anywhere, ignoring case, and nothing else', () => {
    const re = new RegExp(containsCaselessPattern('YoLo.v8'), 'u');
    expect(re.test('train yolo.V8 baseline')).toBe(true);
    expect(re.test('yoloXv8')).toBe(false);
    expect(new RegExp(containsCaselessPattern('.*')).test('anything')).toBe(false);
  });

  it('handles letters beyond ASCII', () => {
    expect(new RegExp(containsCaselessPattern('Émile')).test('ÉMILE et émile')).toBe(true);
  });
});
