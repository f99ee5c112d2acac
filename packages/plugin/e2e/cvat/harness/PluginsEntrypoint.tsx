import { useEffect } from 'react';
import type { HarnessCore } from './createHarnessCore';
import type { HarnessAction, HarnessStore } from './createHarnessStore';

type Builder = (args: unknown) => {
  name: string;
  destructor: () => void;
  globalStateDidUpdate?: (s: unknown) => void;
};

/**
 * CVAT v2.73's plugins-entrypoint.tsx: defines a frozen `window.cvatUI`, then fires
 * `plugins.ready` on document (bubbling) in a timeout; `registerComponent` calls the builder
 * and CVAT then announces `plugins.registered`. `globalStateDidUpdate` runs on every change.
 */
export function PluginsEntrypoint({ store, core }: { store: HarnessStore; core: HarnessCore }) {
  useEffect(() => {
    Object.defineProperty(window, 'cvatUI', {
      value: Object.freeze({
        registerComponent: (builder: Builder) => {
          const { name, globalStateDidUpdate } = builder({
            dispatch: store.dispatch,
            REGISTER_ACTION: 'ADD_UI_COMPONENT',
            REMOVE_ACTION: 'REMOVE_UI_COMPONENT',
            actionCreators: {
              addUIComponent: (path: string, component: unknown, data?: object): HarnessAction => ({
                type: 'ADD_UI_COMPONENT',
                payload: { path, component, data },
              }),
              removeUIComponent: (path: string, component: unknown): HarnessAction => ({
                type: 'REMOVE_UI_COMPONENT',
                payload: { path, component },
              }),
              updateUIComponent: () => ({ type: 'NOOP' }),
              revokeUIComponent: () => ({ type: 'NOOP' }),
              addUICallback: () => ({ type: 'NOOP' }),
              removeUICallback: () => ({ type: 'NOOP' }),
            },
            core,
            store,
          });
          store.dispatch({ type: 'ADD_PLUGIN', payload: { name } });
          if (globalStateDidUpdate) store.subscribe(() => globalStateDidUpdate(store.getState()));
          document.dispatchEvent(new CustomEvent('plugins.registered', { detail: { name } }));
        },
      }),
    });
    setTimeout(() => {
      window.document.dispatchEvent(new CustomEvent('plugins.ready', { bubbles: true }));
    });
  }, [store, core]);
  return null;
}
