import { describe, expect, it } from 'vitest';
import { clampWidth, MIN_WIDTH } from './ResizableDrawer';

describe('clampWidth', () => {
  it('keeps the side panel between 360 px and 90% of the window', () => {
    expect(MIN_WIDTH).toBe(360);
    expect(clampWidth(100, 1440)).toBe(360);
    expect(clampWidth(700, 1440)).toBe(700);
    expect(clampWidth(5000, 1440)).toBe(1296);
  });

  it('when the window is narrower than 400 px, then the minimum wins', () => {
    expect(clampWidth(500, 380)).toBe(360);
  });
});
