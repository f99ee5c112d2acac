// Public routes about the service itself: welcome, health and the contract.
import { Router } from 'express';
import type { HealthResult } from '../clearml/types.js';
import type { components } from '../generated/openapi.js';
import { modeOf, type RouteDeps } from './RouteDeps.js';

type Welcome = components['schemas']['Welcome'];
type Health = components['schemas']['Health'];

/** The service's own health check has 2.5 s; this guard keeps /health under 3 s whatever it does. */
export const HEALTH_DEADLINE_MS = 2800;

async function checkWithin(deps: RouteDeps, ms: number): Promise<HealthResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<HealthResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `ClearML did not answer within ${ms} ms`, clearml: null }),
      ms,
    );
  });
  try {
    return await Promise.race([
      deps.service.health().catch((err: unknown): HealthResult => {
        deps.logger.error('health check failed', { err });
        return { ok: false, reason: 'The ClearML health check failed', clearml: null };
      }),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function serviceRoutes(deps: RouteDeps): Router {
  const router = Router();
  const openapiJson = JSON.stringify(deps.openapi);

  router.get('/', (_req, res) => {
    const body: Welcome = {
      name: deps.config.appName,
      version: deps.version,
      api_version: deps.config.apiVersion,
      mode: modeOf(deps.config),
      docs_url: '/docs',
      openapi_url: '/openapi.json',
      ui_url: '/ui',
    };
    res.json(body);
  });

  router.get('/health', async (_req, res) => {
    const result = await checkWithin(deps, HEALTH_DEADLINE_MS);
    const body: Health = {
      status: result.ok ? 'ok' : 'unavailable',
      mode: modeOf(deps.config),
      clearml: result.ok ? result.clearml : null,
      checked_at: new Date().toISOString(),
    };
    if (!result.ok) body.reason = result.reason ?? 'ClearML is unavailable';
    // A health answer is never cached by anyone in between.
    res.status(result.ok ? 200 : 503).setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(openapiJson);
  });
  return router;
}
