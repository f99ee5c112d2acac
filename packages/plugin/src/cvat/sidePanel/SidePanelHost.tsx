import { useSyncExternalStore } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { Alert, Skeleton } from 'antd';
import type { ApiClient } from '../../api/createApiClient';
import type { CvatPanelContext, PanelTarget } from '../context/cvatContextTypes';
import { ClearmlPanel, ModelsView } from '../panelPlaceholder';
import type { SidePanelController } from './createSidePanelController';
import { ResizableDrawer, type WidthStorage } from './ResizableDrawer';
import { useResolvedContext } from './useResolvedContext';

export interface SidePanelHostProps {
  controller: SidePanelController;
  api: ApiClient;
  resolve: (target: PanelTarget) => Promise<CvatPanelContext>;
  storage: WidthStorage;
}

function titleFor(target: PanelTarget | null, context: CvatPanelContext | null): string {
  if (target?.kind === 'models') return 'ClearML models';
  if (context?.task) return `ClearML · ${context.task.name}`;
  if (context?.project?.name) return `ClearML · ${context.project.name}`;
  return 'ClearML';
}

/** The side panel: one drawer for every place it is opened from (job, task, project, models). */
export function SidePanelHost({ controller, api, resolve, storage }: SidePanelHostProps) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const resolved = useResolvedContext(
    state.target?.kind === 'models' ? null : state.target,
    state.openCount,
    resolve,
  );
  const context = resolved.status === 'ready' ? resolved.context : null;

  let body;
  if (state.target?.kind === 'models') {
    body = <ModelsView />;
  } else if (resolved.status === 'loading') {
    body = <Skeleton active style={{ padding: 16 }} />;
  } else {
    body = (
      <>
        {resolved.status === 'error' && (
          <Alert
            type="warning"
            showIcon
            banner
            message="Could not read this CVAT task; showing ClearML without it."
            description={resolved.message}
          />
        )}
        {/* A fresh in-memory router per opening: the panel navigates inside the drawer
            without touching CVAT's URL. */}
        <MemoryRouter key={state.openCount}>
          <ClearmlPanel api={api} layout="side" cvatContext={context ?? undefined} />
        </MemoryRouter>
      </>
    );
  }

  return (
    <ResizableDrawer
      open={state.open}
      title={titleFor(state.target, context)}
      onClose={controller.close}
      storage={storage}
      storageKey="clearml.sidePanel.width"
    >
      {body}
    </ResizableDrawer>
  );
}
