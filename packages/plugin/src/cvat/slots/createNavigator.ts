export interface HistoryLike {
  push: (path: string) => void;
}

export interface Navigator {
  /** Remembers CVAT's router history, seen by a component rendered inside CVAT's router. */
  capture: (history: HistoryLike | undefined) => void;
  push: (path: string) => void;
}

/**
 * Menu slots are plain functions (no hooks), so they cannot call `useHistory()`. The menu
 * item's label is a small component inside CVAT's router that hands CVAT's history over;
 * until one has rendered, `pushState` + `popstate` reaches the same history object, since
 * react-router's browser history listens to `popstate`.
 */
export function createNavigator(win: Window): Navigator {
  let history: HistoryLike | undefined;
  return {
    capture(next) {
      if (next) history = next;
    },
    push(path) {
      if (history) {
        history.push(path);
        return;
      }
      win.history.pushState({}, '', path);
      win.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    },
  };
}
