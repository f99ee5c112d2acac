import type { CvatBuilder, CvatSlotData } from './cvatTypes';
import type { PanelChunk, PanelChunkDeps, PanelRuntime } from './chunkTypes';
import { readCurrentJob, readField } from './context/readCvatState';
import { registerSlots, unregisterSlots, type SlotRegistration } from './registerSlots';
import { createSidePanelController } from './sidePanel/createSidePanelController';
import { createMenuSlots } from './slots/createMenuSlots';
import { createModelsTopBarButton } from './slots/createModelsTopBarButton';
import { createTaskTopBarButton } from './slots/createTaskTopBarButton';
import { createNavigator } from './slots/createNavigator';
import { createRouteSlot } from './slots/createRouteSlot';

export const PLUGIN_NAME = 'ClearML';
export const PAGE_PATH = '/clearml';

export interface ClearmlBuilderOptions {
  apiBase: string;
  win: Window;
  loadChunk: () => Promise<PanelChunk>;
  warn: (message: string, error?: unknown) => void;
}

// CVAT reads `data.weight || MAX_SAFE_INTEGER`; its own items use 10–110.
const MENU_DATA: CvatSlotData = { weight: 100 };
// CVAT renders the router slot for logged-out visitors too; the page needs a CVAT user.
const LOGGED_IN: CvatSlotData = {
  weight: 100,
  shouldBeRendered: (props) => readField(props, 'user') != null,
};

/** The function handed to `window.cvatUI.registerComponent`. */
export function createClearmlBuilder(options: ClearmlBuilderOptions): CvatBuilder {
  return (args) => {
    const deps: PanelChunkDeps = {
      apiBase: options.apiBase,
      store: args.store,
      core: args.core,
      cvatUrl: options.win.location.origin,
    };
    let runtime: Promise<PanelRuntime> | undefined;
    const loadRuntime = () => {
      runtime ??= options.loadChunk().then((chunk) => chunk.createPanelRuntime(deps));
      // A failed download may succeed on the next click.
      runtime.catch(() => (runtime = undefined));
      return runtime;
    };
    const panel = createSidePanelController({
      mountHost: async (controller) =>
        (await loadRuntime()).mountSidePanelHost(controller, options.win.document),
      onMountError: (error) => options.warn('ClearML plugin: the panel failed to load.', error),
    });
    const onError = (error: unknown) => options.warn('ClearML plugin: action failed.', error);
    const menus = createMenuSlots({
      panel,
      navigator: createNavigator(options.win),
      pagePath: PAGE_PATH,
      onError,
    });
    const slots: SlotRegistration[] = [
      {
        path: 'router',
        component: createRouteSlot({ path: PAGE_PATH, loadRuntime }),
        data: LOGGED_IN,
      },
      // Only CVAT after v2.73 has this slot; v2.73 throws, and the slots below still register.
      {
        path: 'taskPage.details.topBar.extras',
        component: createTaskTopBarButton(panel, onError),
        data: MENU_DATA,
      },
      { path: 'header.userMenu.items', component: menus.userMenu, data: { weight: 45 } },
      { path: 'annotationPage.menuActions.items', component: menus.jobMenu, data: MENU_DATA },
      { path: 'taskActions.items', component: menus.taskAction, data: MENU_DATA },
      { path: 'projectActions.items', component: menus.projectAction, data: MENU_DATA },
      {
        path: 'modelsPage.topBar.items',
        component: createModelsTopBarButton(panel, onError),
        data: MENU_DATA,
      },
    ];
    const outcome = registerSlots(args, slots, options.warn);

    let lastJobId = readCurrentJob(args.store.getState())?.id ?? null;
    return {
      name: PLUGIN_NAME,
      destructor: () => {
        panel.dispose();
        unregisterSlots(args, outcome.registered);
      },
      // Called on every store change: compare one id, nothing more.
      globalStateDidUpdate: (state) => {
        const job = readCurrentJob(state);
        if ((job?.id ?? null) === lastJobId) return;
        lastJobId = job?.id ?? null;
        panel.jobChanged(
          job && { kind: 'job', jobId: job.id, taskId: job.taskId, projectId: job.projectId },
        );
      },
    };
  };
}
