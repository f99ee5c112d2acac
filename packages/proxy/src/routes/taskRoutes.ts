import { Router } from 'express';
import { operation } from './operation.js';
import type { RouteDeps } from './RouteDeps.js';

export function taskRoutes(deps: RouteDeps): Router {
  const router = Router();
  router.get(
    '/projects/:project_name/tasks',
    operation(deps, 'listProjectTasks', async ({ path, query }, { res, ctx }) => {
      res.json(await deps.service.listTasks(path.project_name, query, ctx));
    }),
  );
  // Only POST is registered here, so GET …/tasks/create is a task id like any other.
  router.post(
    '/projects/:project_name/tasks/create',
    operation(deps, 'createProjectTask', async ({ path, header, body }, { res, caller, ctx }) => {
      deps.security.assertCanCreate(caller);
      const { task, replayed } = await deps.service.createTask(
        path.project_name,
        body,
        { idempotencyKey: header['Idempotency-Key'] },
        ctx,
      );
      deps.security.audit({
        caller,
        action: 'task.create',
        project: path.project_name,
        taskId: task.id,
        replayed,
      });
      const project = task.project_name ?? path.project_name;
      res
        .status(201)
        .location(`/projects/${encodeURIComponent(project)}/tasks/${encodeURIComponent(task.id)}`)
        .setHeader('Idempotent-Replayed', String(replayed));
      res.json(task);
    }),
  );
  router.get(
    '/projects/:project_name/tasks/:task_id',
    operation(deps, 'getProjectTask', async ({ path }, { res, ctx }) => {
      res.json(await deps.service.getTask(path.project_name, path.task_id, ctx));
    }),
  );
  return router;
}
