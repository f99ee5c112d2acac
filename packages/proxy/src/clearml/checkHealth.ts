import type { ClearmlClient } from './createClearmlClient.js';
import { toHttpError } from './toHttpError.js';
import type { HealthResult } from './types.js';

export const HEALTH_DEADLINE_MS = 2500;

/**
 * Liveness (`debug.ping`, no token) and credentials (`server.info`, with the token) under one
 * hard deadline, no retries and no cache. Goes out even while the circuit is open, so health
 * is what notices ClearML is back. Reasons are safe to show (no hosts, keys or tokens).
 */
export async function checkHealth(client: ClearmlClient, now: () => number): Promise<HealthResult> {
  const started = now();
  const remaining = () => Math.max(1, HEALTH_DEADLINE_MS - (now() - started));
  const base = { kind: 'read' as const, noRetry: true, bypassCircuit: true };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<HealthResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          reason: `ClearML did not answer within ${HEALTH_DEADLINE_MS} ms`,
          clearml: null,
        }),
      HEALTH_DEADLINE_MS,
    );
  });
  const probe = (async (): Promise<HealthResult> => {
    try {
      await client.call('debug.ping', {}, { ...base, anonymous: true, timeoutMs: remaining() });
      const roundTrip = now() - started;
      const info = (await client.call('server.info', {}, { ...base, timeoutMs: remaining() })) as {
        version?: unknown;
        api_version?: unknown;
      };
      return {
        ok: true,
        clearml: {
          server_version: typeof info.version === 'string' ? info.version : 'unknown',
          api_version: typeof info.api_version === 'string' ? info.api_version : 'unknown',
          round_trip_ms: Math.round(roundTrip * 10) / 10,
        },
      };
    } catch (err) {
      const e = toHttpError(err);
      const reason =
        e.message.includes('in time') || e.message.includes('did not answer')
          ? `ClearML did not answer within ${HEALTH_DEADLINE_MS} ms`
          : e.message;
      return { ok: false, reason, clearml: null };
    }
  })();
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
