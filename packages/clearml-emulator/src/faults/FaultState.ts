import type { Faults } from '../types.js';

const FAIL_STATUSES = [500, 502, 503, 504];

/** The current fault settings; every change is validated so a typo cannot go unnoticed. */
export class FaultState {
  private current: Faults;

  constructor(private readonly defaults: () => Faults) {
    this.current = defaults();
  }

  get(): Faults {
    return {
      ...this.current,
      failEndpoints: this.current.failEndpoints && [...this.current.failEndpoints],
    };
  }

  set(patch: Partial<Faults>): Faults {
    const problems = faultProblems(patch);
    if (problems.length > 0) throw new FaultsInputError(problems);
    this.current = { ...this.current, ...patch };
    return this.get();
  }

  clear(): void {
    this.current = this.defaults();
  }

  /** Whether this call to `endpoint` should be answered with the injected failure. */
  shouldFail(endpoint: string, random: () => number): boolean {
    const { failRate, failEndpoints } = this.current;
    if (failRate <= 0) return false;
    if (failEndpoints && !failEndpoints.includes(endpoint)) return false;
    return random() < failRate;
  }
}

export class FaultsInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid faults: ${problems.join('; ')}`);
    this.name = 'FaultsInputError';
  }
}

const nonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function faultProblems(patch: unknown): string[] {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    return ['body must be a JSON object'];
  }
  const p = patch as Record<string, unknown>;
  const problems: string[] = [];
  const known = [
    'latencyMs',
    'failRate',
    'failStatus',
    'failEndpoints',
    'unreachable',
    'commitThenTimeoutMs',
    'tokenLifetimeSec',
  ];
  for (const key of Object.keys(p))
    if (!known.includes(key)) problems.push(`unknown field '${key}'`);
  if ('latencyMs' in p && !nonNegative(p.latencyMs))
    problems.push('latencyMs must be a number >= 0');
  if ('failRate' in p && !(nonNegative(p.failRate) && (p.failRate as number) <= 1)) {
    problems.push('failRate must be a number between 0 and 1');
  }
  if ('failStatus' in p && !FAIL_STATUSES.includes(p.failStatus as number)) {
    problems.push(`failStatus must be one of ${FAIL_STATUSES.join(', ')}`);
  }
  if (
    'failEndpoints' in p &&
    p.failEndpoints !== null &&
    !(Array.isArray(p.failEndpoints) && p.failEndpoints.every((e) => typeof e === 'string'))
  ) {
    problems.push('failEndpoints must be null or an array of endpoint names');
  }
  if ('unreachable' in p && typeof p.unreachable !== 'boolean')
    problems.push('unreachable must be a boolean');
  if ('commitThenTimeoutMs' in p && !nonNegative(p.commitThenTimeoutMs)) {
    problems.push('commitThenTimeoutMs must be a number >= 0');
  }
  if (
    'tokenLifetimeSec' in p &&
    !(nonNegative(p.tokenLifetimeSec) && (p.tokenLifetimeSec as number) > 0)
  ) {
    problems.push('tokenLifetimeSec must be a number > 0');
  }
  return problems;
}
