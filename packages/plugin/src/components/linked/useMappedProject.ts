import { useProject } from '../../api/projectsQuery';
import { useSession } from '../../api/useSession';
import type { CvatContext } from '../../panel/types';

export type MappedProject =
  | { state: 'pending' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'resolved'; projectName: string | null };

/**
 * Where the mapping reads the CVAT project from: a task's context (job or task menus) or a
 * project-only one (the project actions menu, which has no task).
 */
export type MappingContext =
  Pick<CvatContext, 'task'> | { project?: { name: string | null } | null; task?: undefined };

/** The CVAT project's name in either kind of context (a task's wins). */
export function cvatProjectNameOf(context: MappingContext | undefined): string | null {
  if (!context) return null;
  if (context.task) return context.task.projectName;
  return 'project' in context ? (context.project?.name ?? null) : null;
}

/**
 * The ClearML project a CVAT task or project belongs to, by the proxy's rule: `same-name` uses
 * the CVAT project's name when ClearML has such a project, otherwise the default project.
 * The one implementation of that rule: the panel and the CVAT plugin both use it.
 */
export function useMappedProject(context: MappingContext | undefined): MappedProject {
  const session = useSession();
  const cvatProject = cvatProjectNameOf(context);
  const sameName = session.data?.project_mapping.rule === 'same-name' ? cvatProject : null;
  const candidate = useProject(sameName);
  if (session.isPending) return { state: 'pending' };
  if (session.isError)
    return { state: 'error', error: session.error, retry: () => session.refetch() };
  const fallback = session.data.project_mapping.default_project;
  if (!sameName) return { state: 'resolved', projectName: fallback };
  if (candidate.isPending) return { state: 'pending' };
  if (candidate.isSuccess) return { state: 'resolved', projectName: candidate.data.name };
  const missing = (candidate.error as { kind?: string }).kind === 'not-found';
  if (missing) return { state: 'resolved', projectName: fallback };
  return { state: 'error', error: candidate.error, retry: () => candidate.refetch() };
}
