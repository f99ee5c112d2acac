// The lazily loaded part of the CVAT plugin: the panel and everything it bundles
// (TanStack Query, openapi-fetch). Loaded on first open of the page or the side panel.
import { createRoot } from 'react-dom/client';
import { createApiClient, createPanelQueryClient, PanelProviders } from '../panel';
import type { PanelChunkDeps, PanelRuntime } from './chunkTypes';
import type { WidthStorage } from './sidePanel/ResizableDrawer';
import { resolveCvatContext } from './context/resolveCvatContext';
import { ClearmlPage } from './page/ClearmlPage';
import { SidePanelHost } from './sidePanel/SidePanelHost';

/**
 * One API client and one query cache for the page and the side panel, so data fetched in
 * one is already there in the other.
 *
 * The side panel gets its own React root (`createRoot`, with CVAT's react-dom: it is a
 * shared external) rather than living inside CVAT's tree: CVAT v2.73 has no slot that
 * stays mounted on every page. The `router` slot sits inside CVAT's `<Switch>`, so only
 * one route renders at a time; an always-matching `<Route path="/">` there would shadow
 * CVAT's `/models` route and its catch-all `<Redirect>`. Menus unmount their items when
 * they close, so a portal from a menu item would vanish with the menu.
 */
export function createPanelRuntime(deps: PanelChunkDeps): PanelRuntime {
  const api = createApiClient({ baseUrl: deps.apiBase, csrf: true });
  const queryClient = createPanelQueryClient();
  const resolve = resolveCvatContext.bind(null, deps);

  function ClearmlPageWithProviders() {
    return (
      <PanelProviders api={api} queryClient={queryClient}>
        <ClearmlPage api={api} store={deps.store} cvatUrl={deps.cvatUrl} />
      </PanelProviders>
    );
  }

  return {
    ClearmlPage: ClearmlPageWithProviders,
    mountSidePanelHost(controller, doc) {
      const container = doc.createElement('div');
      container.className = 'clearml-side-panel-root';
      doc.body.appendChild(container);
      const root = createRoot(container);
      root.render(
        <PanelProviders api={api} queryClient={queryClient}>
          <SidePanelHost
            controller={controller}
            api={api}
            resolve={resolve}
            storage={doc.defaultView?.localStorage ?? memoryStorage()}
          />
        </PanelProviders>,
      );
      return () => {
        root.unmount();
        container.remove();
      };
    },
  };
}

function memoryStorage(): WidthStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => values.set(key, value),
  };
}
