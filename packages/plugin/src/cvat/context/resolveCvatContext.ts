import type { CvatCore, CvatLabelLike, CvatStore } from '../cvatTypes';
import type { CvatLabel, CvatPanelContext, PanelTarget } from './cvatContextTypes';
import { readCvatOrg, readCvatUser } from './readCvatState';

export interface ResolveDeps {
  store: CvatStore;
  core: CvatCore;
  /** CVAT's origin, for the link back stored on ClearML tasks. */
  cvatUrl: string;
}

function cleanLabels(labels: unknown): CvatLabel[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .filter(
      (l): l is CvatLabelLike => typeof l === 'object' && l !== null && typeof l.name === 'string',
    )
    .map((l) => ({
      name: l.name,
      ...(typeof l.color === 'string' ? { color: l.color } : {}),
      ...(typeof l.type === 'string' ? { type: l.type } : {}),
    }));
}

async function projectName(core: CvatCore, projectId: number | null): Promise<string | null> {
  if (projectId === null || !core.projects) return null;
  const [project] = await core.projects.get({ id: projectId });
  return typeof project?.name === 'string' ? project.name : null;
}

/**
 * Builds the panel's context from CVAT's store (user, organization) and cvat-core (the
 * task's name and labels, its project's name). A failing core call rejects: the caller
 * shows the panel without a task rather than with made-up data.
 */
export async function resolveCvatContext(
  deps: ResolveDeps,
  target: PanelTarget,
): Promise<CvatPanelContext> {
  const state = deps.store.getState();
  const user = readCvatUser(state);
  const base: CvatPanelContext = {
    ...(user ? { user } : {}),
    org: readCvatOrg(state),
    cvatUrl: deps.cvatUrl,
  };
  if (target.kind === 'models') return base;
  if (target.kind === 'project') {
    const name = target.projectName ?? (await projectName(deps.core, target.projectId));
    return { ...base, project: { id: target.projectId, name } };
  }
  const [task] = await deps.core.tasks.get({ id: target.taskId });
  if (!task) throw new Error(`CVAT task ${target.taskId} was not found`);
  const projectId = typeof task.projectId === 'number' ? task.projectId : null;
  return {
    ...base,
    jobId: target.kind === 'job' ? target.jobId : null,
    task: {
      id: task.id,
      name: task.name,
      projectId,
      projectName: await projectName(deps.core, projectId),
      labels: cleanLabels(task.labels),
    },
  };
}
