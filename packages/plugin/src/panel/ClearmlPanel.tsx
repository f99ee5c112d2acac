import { Menu, Result } from 'antd';
import { useCallback, useState } from 'react';
import {
  Link,
  Redirect,
  Route,
  Switch,
  useLocation,
  useParams,
  useRouteMatch,
} from 'react-router-dom';
import { ApiProvider } from '../api/ApiContext';
import type { ApiClient } from '../api/createApiClient';
import { ErrorState } from '../components/common/ErrorState';
import { useContainerWidth } from '../components/common/useContainerWidth';
import { CvatTaskBanner } from '../components/linked/CvatTaskBanner';
import { cvatPrefill } from '../components/linked/cvatPrefill';
import { useMappedProject } from '../components/linked/useMappedProject';
import { ModelsView } from '../components/models/ModelsView';
import { ProjectsView } from '../components/projects/ProjectsView';
import { TasksView } from '../components/tasks/TasksView';
import { decodeProjectParam, panelPaths } from './panelPaths';
import type { CvatContext, PanelLayout } from './types';
import { Loading } from '../components/common/Loading';

export interface ClearmlPanelProps {
  /** The proxy this panel talks to (overrides the one PanelProviders gives). */
  api: ApiClient;
  layout: PanelLayout;
  cvatContext?: CvatContext;
}

const SIDEBAR_MIN_WIDTH = 1100;

/**
 * The whole panel, routed relative to where the host mounted it (standalone under /ui, CVAT's
 * /clearml page, or a MemoryRouter in the annotation side panel). Render it inside PanelProviders.
 */
export function ClearmlPanel({ api, layout, cvatContext }: ClearmlPanelProps) {
  const { url } = useRouteMatch();
  const paths = panelPaths(url);
  const location = useLocation();
  const [ref, width] = useContainerWidth<HTMLDivElement>();
  const onModels = location.pathname.startsWith(paths.models);
  const projectHref = useCallback((name: string) => panelPaths(url).projectTasks(name), [url]);
  const sidebar = layout === 'page' && width >= SIDEBAR_MIN_WIDTH;

  return (
    <ApiProvider api={api}>
      <div ref={ref} className="clearml-panel" data-layout={layout} style={{ minWidth: 0 }}>
        <Menu
          mode="horizontal"
          selectedKeys={[onModels ? 'models' : 'projects']}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'projects', label: <Link to={paths.root}>Projects</Link> },
            { key: 'models', label: <Link to={paths.models}>Models</Link> },
          ]}
          aria-label="ClearML sections"
        />
        <Switch>
          <Route path={paths.models}>
            <ModelsView layout={layout} />
          </Route>
          <Route path={paths.tasksRoute}>
            <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
              {sidebar ? (
                <aside style={{ width: 300, flex: 'none' }} aria-label="Project tree">
                  <ProjectsView projectHref={projectHref} />
                </aside>
              ) : null}
              <main style={{ flex: 1, minWidth: 0 }}>
                <ProjectTasksRoute layout={layout} cvatContext={cvatContext} base={url} />
              </main>
            </div>
          </Route>
          <Route>
            {cvatContext?.task ? (
              <CvatHome context={cvatContext} base={url} />
            ) : (
              <ProjectsView projectHref={projectHref} />
            )}
          </Route>
        </Switch>
      </div>
    </ApiProvider>
  );
}

function ProjectTasksRoute({
  layout,
  cvatContext,
  base,
}: {
  layout: PanelLayout;
  cvatContext?: CvatContext;
  base: string;
}) {
  const params = useParams<{ project: string; taskId?: string }>();
  const projectName = decodeProjectParam(params.project);
  const tasksUrl = panelPaths(base).projectTasks(projectName);
  const [createMode, setCreateMode] = useState<'plain' | 'cvat' | null>(null);
  const location = useLocation();
  const taskHref = (taskId: string) =>
    `${tasksUrl}/${encodeURIComponent(taskId)}${location.search}`;
  const withTask = cvatContext?.task ? { ...cvatContext, task: cvatContext.task } : null;
  return (
    <TasksView
      key={projectName}
      projectName={projectName}
      tasksUrl={tasksUrl}
      taskId={params.taskId ? decodeProjectParam(params.taskId) : null}
      layout={layout}
      banner={
        withTask ? (
          <CvatTaskBanner
            context={withTask}
            projectName={projectName}
            taskHref={taskHref}
            onCreate={() => setCreateMode('cvat')}
          />
        ) : undefined
      }
      createOpen={createMode !== null}
      onCreateOpenChange={(open) => setCreateMode(open ? 'plain' : null)}
      createInitialValues={
        createMode === 'cvat' && cvatContext ? cvatPrefill(cvatContext) : undefined
      }
    />
  );
}

function CvatHome({ context, base }: { context: CvatContext; base: string }) {
  const mapped = useMappedProject(context);
  if (mapped.state === 'pending') return <Loading label="Finding the ClearML project" />;
  if (mapped.state === 'error') {
    return (
      <ErrorState
        what="the ClearML project of this CVAT task"
        error={mapped.error}
        onRetry={mapped.retry}
      />
    );
  }
  if (!mapped.projectName) {
    return (
      <Result
        status="info"
        title="No ClearML project for this CVAT task"
        subTitle="The proxy maps CVAT projects to ClearML projects of the same name and has no default project. Pick a project below."
        extra={<ProjectsView projectHref={(name) => panelPaths(base).projectTasks(name)} />}
      />
    );
  }
  return <Redirect to={panelPaths(base).projectTasks(mapped.projectName)} />;
}
