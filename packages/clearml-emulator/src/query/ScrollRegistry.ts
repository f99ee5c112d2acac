import { randomUUID } from 'node:crypto';

export const SCROLL_TTL_MS = 10 * 60 * 1000;

interface ScrollState {
  id: string;
  position: number;
  expiresAt: number;
}

/**
 * Scroll positions by id, kept 10 minutes after last use like the real server's Redis
 * state. An unknown or expired id silently starts a new scroll at position 0.
 */
export class ScrollRegistry {
  private readonly states = new Map<string, ScrollState>();

  constructor(private readonly nowMs: () => number) {}

  getOrCreate(id: unknown): ScrollState {
    const now = this.nowMs();
    this.prune(now);
    const found = typeof id === 'string' ? this.states.get(id) : undefined;
    if (found) return found;
    return { id: randomUUID().replace(/-/g, ''), position: 0, expiresAt: 0 };
  }

  save(state: ScrollState): void {
    state.expiresAt = this.nowMs() + SCROLL_TTL_MS;
    this.states.set(state.id, state);
  }

  clear(): void {
    this.states.clear();
  }

  private prune(now: number): void {
    for (const [id, s] of this.states) if (s.expiresAt <= now) this.states.delete(id);
  }
}
