export interface CircuitBreakerOptions {
  /** Consecutive connection failures that open the circuit. */
  threshold: number;
  /** How long to fail fast before letting one probe through. */
  openMs: number;
  now: () => number;
}

export interface CircuitBreaker {
  /** May a call go out now? While open, false — except for one probe once openMs has passed. */
  allow(): boolean;
  /** The call reached ClearML (whatever it answered). */
  succeeded(): void;
  /** The call could not reach ClearML. */
  failed(): void;
  /** The call ended without telling (a timeout, a cancel): a probe is used up, nothing else. */
  inconclusive(): void;
  readonly state: 'closed' | 'open' | 'half-open';
}

/**
 * Fail fast while ClearML is down: callers get an answer at once instead of each waiting
 * for its own connection failure, and ClearML is not hammered when it comes back.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  let failures = 0;
  let openedAt: number | undefined;
  let probing = false;

  return {
    allow() {
      if (openedAt === undefined) return true;
      if (probing || options.now() - openedAt < options.openMs) return false;
      probing = true;
      return true;
    },
    succeeded() {
      failures = 0;
      openedAt = undefined;
      probing = false;
    },
    failed() {
      failures++;
      if (probing || failures >= options.threshold) {
        openedAt = options.now();
        probing = false;
      }
    },
    inconclusive() {
      if (!probing) return;
      probing = false;
      openedAt = options.now();
    },
    get state() {
      if (openedAt === undefined) return 'closed';
      return probing ? 'half-open' : 'open';
    },
  };
}
