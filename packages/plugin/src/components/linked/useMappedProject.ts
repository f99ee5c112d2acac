import { useProject } from '../../api/projectsQuery';
import { useSession } from '../../api/useSession';
import type { CvatContext } from '../../panel/types';

export type MappedProject =
  | { state: 'pending' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'resolved'; projectName: string | null };

/**
 * The ClearML project a CVAT task belongs to, by the proxy's rule: `same-name` uses the CVAT
 * project's name when ClearML has such a project, otherwise the default project.
 */
export function useMappedProject(context: CvatContext | undefined): MappedProject {
  const session = useSession();
  const cvatProject = context?.task?.projectName ?? null;
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
