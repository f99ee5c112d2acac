import { Router } from 'express';
import { operation } from './operation.js';
import type { RouteDeps } from './RouteDeps.js';

export function modelRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get(
    '/models',
    operation(deps, 'listModels', async ({ query }, { res, ctx }) => {
      res.json(await deps.service.listModels(query, ctx));
    }),
  );
  // Before /models/:model_id, which would otherwise take "frameworks" as an id.
  router.get(
    '/models/frameworks',
    operation(deps, 'listModelFrameworks', async (_input, { res, ctx }) => {
      res.json({ items: await deps.service.listFrameworks(ctx) });
    }),
  );
  router.get(
    '/models/:model_id',
    operation(deps, 'getModel', async ({ path }, { res, ctx }) => {
      res.json(await deps.service.getModel(path.model_id, ctx));
    }),
  );
  return router;
}
