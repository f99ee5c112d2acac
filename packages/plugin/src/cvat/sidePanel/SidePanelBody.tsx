import { MemoryRouter } from 'react-router-dom';
import { Alert, Skeleton } from 'antd';
import { ClearmlPanel, ModelsView, useMappedProject, type ApiClient } from '../../panel';
import type { CvatPanelContext } from '../context/cvatContextTypes';
import type { ResolvedContext } from './useResolvedContext';

const skeleton = <Skeleton active style={{ padding: 16 }} aria-busy="true" />;

function ProjectPanel({ api, context }: { api: ApiClient; context: CvatPanelContext }) {
  // A project-only context: the same mapping rule as the panel's for a task.
  const mapped = useMappedProject({ project: context.project ?? null });
  if (mapped.state === 'pending') return skeleton;
  // Without a mapped project (or when the mapping cannot be read) the panel starts at its
  // project list, which shows its own errors.
  const start =
    mapped.state === 'resolved' && mapped.projectName
      ? `/projects/${encodeURIComponent(mapped.projectName)}/tasks`
      : '/';
  return (
    <MemoryRouter initialEntries={[start]}>
      <ClearmlPanel api={api} layout="side" cvatContext={context} />
    </MemoryRouter>
  );
}

/** What the drawer shows for one opening: models, a project, or a task/job context. */
export function SidePanelBody(props: {
  api: ApiClient;
  kind: 'job' | 'task' | 'project' | 'models';
  resolved: ResolvedContext;
}) {
  const { api, kind, resolved } = props;
  if (kind === 'models') {
    // Its filters, sort and page live in a URL: the drawer's own, not CVAT's.
    return (
      <MemoryRouter>
        <ModelsView layout="side" />
      </MemoryRouter>
    );
  }
  if (resolved.status === 'loading') return skeleton;
  if (resolved.status === 'ready' && kind === 'project') {
    return <ProjectPanel api={api} context={resolved.context} />;
  }
  return (
    <>
      {resolved.status === 'error' && (
        <Alert
          type="warning"
          showIcon
          banner
          message="Could not read this CVAT task from CVAT; showing ClearML without it."
          description={resolved.message}
        />
      )}
      {/* The panel navigates inside the drawer without touching CVAT's URL. */}
      <MemoryRouter>
        <ClearmlPanel
          api={api}
          layout="side"
          cvatContext={resolved.status === 'ready' ? resolved.context : undefined}
        />
      </MemoryRouter>
    </>
  );
}
