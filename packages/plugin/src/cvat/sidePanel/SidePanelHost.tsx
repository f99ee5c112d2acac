import { useSyncExternalStore } from 'react';
import type { ApiClient } from '../../panel';
import type { CvatPanelContext, PanelTarget } from '../context/cvatContextTypes';
import type { SidePanelController } from './createSidePanelController';
import { ResizableDrawer, type WidthStorage } from './ResizableDrawer';
import { SidePanelBody } from './SidePanelBody';
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
  const target = state.target?.kind === 'models' ? null : state.target;
  const resolved = useResolvedContext(target, state.openCount, resolve);

  return (
    <ResizableDrawer
      open={state.open}
      title={titleFor(state.target, resolved.status === 'ready' ? resolved.context : null)}
      onClose={controller.close}
      storage={storage}
      storageKey="clearml.sidePanel.width"
    >
      {state.target && (
        // Keyed by opening: each one starts fresh (route, forms) in its own context.
        <SidePanelBody
          key={state.openCount}
          api={api}
          kind={state.target.kind}
          resolved={resolved}
        />
      )}
    </ResizableDrawer>
  );
}
