import type { PanelTarget } from '../context/cvatContextTypes';

export interface SidePanelState {
  open: boolean;
  target: PanelTarget | null;
  /** Bumped on every open, so re-opening for the same target still re-resolves context. */
  openCount: number;
}

export interface SidePanelController {
  open: (target: PanelTarget) => Promise<void>;
  close: () => void;
  getState: () => SidePanelState;
  subscribe: (listener: () => void) => () => void;
  /** Called from `globalStateDidUpdate`: follows the user to another job, or leaves it. */
  jobChanged: (target: PanelTarget | null) => void;
  dispose: () => void;
}

export interface SidePanelControllerDeps {
  /**
   * Mounts the panel host the first time the panel opens (it lives in the lazily loaded
   * chunk); returns an unmount function. Called at most once, even on concurrent opens.
   */
  mountHost: (controller: SidePanelController) => Promise<() => void>;
  onMountError: (error: unknown) => void;
}

/** A tiny external store for the side panel: opened from menu items, read by the host. */
export function createSidePanelController(deps: SidePanelControllerDeps): SidePanelController {
  let state: SidePanelState = { open: false, target: null, openCount: 0 };
  const listeners = new Set<() => void>();
  let mounting: Promise<(() => void) | null> | null = null;

  const set = (next: SidePanelState): void => {
    state = next;
    for (const listener of listeners) listener();
  };

  const controller: SidePanelController = {
    async open(target) {
      set({ open: true, target, openCount: state.openCount + 1 });
      mounting ??= deps.mountHost(controller).catch((error: unknown) => {
        deps.onMountError(error);
        mounting = null; // let a later click try again (e.g. the chunk failed to download)
        set({ ...state, open: false });
        return null;
      });
      await mounting;
    },
    close() {
      if (state.open) set({ ...state, open: false });
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    jobChanged(target) {
      if (!state.open || state.target?.kind !== 'job') return;
      if (target === null) set({ ...state, open: false });
      else set({ open: true, target, openCount: state.openCount + 1 });
    },
    dispose() {
      listeners.clear();
      void mounting?.then((unmount) => unmount?.());
      mounting = null;
    },
  };
  return controller;
}
