import type { Page } from 'playwright-core';

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function frameStats(deltas: number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? NaN,
  };
}

/**
 * Scrolls the element matched by `selector` top to bottom (or back up) one step per animation frame and
 * returns the time between frames (requestAnimationFrame deltas), as a user's scroll would see.
 */
export async function scrollFrameDeltas(
  page: Page,
  selector: string,
  steps = 180,
  direction: 'down' | 'up' = 'down',
): Promise<number[]> {
  return page.evaluate(
    async ({ selector, steps, direction }) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`nothing matches ${selector}`);
      const distance = element.scrollHeight - element.clientHeight;
      const deltas: number[] = [];
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let i = 1; i <= steps; i++) {
        const fraction = direction === 'down' ? i / steps : 1 - i / steps;
        element.scrollTop = Math.round(distance * fraction);
        element.dispatchEvent(new Event('scroll'));
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    },
    { selector, steps, direction },
  );
}

/** rAF deltas with nothing happening: the frame cadence this browser gives at best. */
export async function idleFrameDeltas(page: Page, frames = 60): Promise<number[]> {
  return page.evaluate(async (frames) => {
    const deltas: number[] = [];
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < frames; i++) {
      const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      deltas.push(now - last);
      last = now;
    }
    return deltas;
  }, frames);
}

/** How long the browser spent on the last request whose URL contains `part` (Resource Timing). */
export async function lastFetchMs(page: Page, part: string): Promise<number> {
  return page.evaluate((part) => {
    const entries = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(part)) as PerformanceResourceTiming[];
    const last = entries.at(-1);
    return last ? last.responseEnd - last.startTime : NaN;
  }, part);
}
