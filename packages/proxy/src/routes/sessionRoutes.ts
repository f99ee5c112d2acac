import { Router } from 'express';
import type { components } from '../generated/openapi.js';
import { operation } from './operation.js';
import { modeOf, type RouteDeps } from './RouteDeps.js';

type Session = components['schemas']['Session'];

export function sessionRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get(
    '/session',
    operation(deps, 'getSession', (_input, { res, caller }) => {
      const body: Session = {
        // AUTH_MODE=none has no user to show, only an anonymous placeholder.
        user:
          caller.via === 'none'
            ? null
            : {
                id: caller.id,
                username: caller.username,
                groups: caller.groups,
                is_superuser: caller.isSuperuser,
              },
        auth_mode: deps.security.mode,
        can_create: deps.security.canCreate(caller),
        read_only: deps.security.readOnly,
        mode: modeOf(deps.config),
        web_ui: Boolean(deps.config.clearml?.webHost),
        project_mapping: {
          rule: deps.config.projectMapping.rule,
          default_project: deps.config.projectMapping.defaultProject,
        },
      };
      res.json(body);
    }),
  );
  return router;
}
