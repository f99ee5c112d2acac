import { Router } from 'express';
import { operation } from './operation.js';
import type { RouteDeps } from './RouteDeps.js';

export function projectRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get(
    '/projects',
    operation(deps, 'listProjects', async ({ query }, { res, ctx }) => {
      res.json(await deps.service.listProjects(query, ctx));
    }),
  );
  router.get(
    '/projects/:project_name',
    operation(deps, 'getProject', async ({ path }, { res, ctx }) => {
      res.json(await deps.service.getProject(path.project_name, ctx));
    }),
  );
  return router;
}
