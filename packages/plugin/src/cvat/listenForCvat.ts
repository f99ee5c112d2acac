import type { CvatBuilder, CvatUi } from './cvatTypes';

/**
 * CVAT defines a frozen `window.cvatUI` and then fires `plugins.ready` on `document`.
 * Registers once, whichever comes first: the event, or (if this script ran late) an
 * already present `cvatUI`. Returns a function that stops listening.
 */
export function listenForCvat(win: Window, builder: CvatBuilder): () => void {
  let done = false;
  const register = (): void => {
    const cvatUI = (win as Window & { cvatUI?: CvatUi }).cvatUI;
    if (done || typeof cvatUI?.registerComponent !== 'function') return;
    done = true;
    win.document.removeEventListener('plugins.ready', register);
    cvatUI.registerComponent(builder);
  };
  win.document.addEventListener('plugins.ready', register);
  register();
  return () => win.document.removeEventListener('plugins.ready', register);
}
