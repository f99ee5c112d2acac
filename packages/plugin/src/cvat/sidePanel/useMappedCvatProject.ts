import { useProject } from '../../api/projectsQuery';
import { useSession } from '../../api/useSession';

export type MappedCvatProject =
  | { state: 'pending' }
  | { state: 'resolved'; projectName: string | null }
  | { state: 'error'; error: unknown };

/**
 * The ClearML project a CVAT *project* maps to, for the project actions menu (no task).
 * Same rule as the panel's `useMappedProject`, which only takes a task's context:
 * `same-name` → the CVAT project's name when ClearML has it, else the default project.
 */
export function useMappedCvatProject(cvatProjectName: string | null): MappedCvatProject {
  const session = useSession();
  const sameName = session.data?.project_mapping.rule === 'same-name' ? cvatProjectName : null;
  const candidate = useProject(sameName);
  if (session.isPending) return { state: 'pending' };
  if (session.isError) return { state: 'error', error: session.error };
  const fallback = session.data.project_mapping.default_project;
  if (!sameName) return { state: 'resolved', projectName: fallback };
  if (candidate.isPending) return { state: 'pending' };
  if (candidate.isSuccess) return { state: 'resolved', projectName: candidate.data.name };
  const missing = (candidate.error as { kind?: string }).kind === 'not-found';
  return missing
    ? { state: 'resolved', projectName: fallback }
    : { state: 'error', error: candidate.error };
}
