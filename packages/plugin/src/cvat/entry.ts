// The CVAT plugin's entry (built by scripts/build-cvat.mjs into vendor/). Only this small
// module loads with CVAT; the panel itself sits behind the dynamic import below.
import { createClearmlBuilder } from './createClearmlBuilder';
import { listenForCvat } from './listenForCvat';

declare const __CLEARML_API_BASE__: string;

listenForCvat(
  window,
  createClearmlBuilder({
    apiBase: __CLEARML_API_BASE__,
    win: window,
    loadChunk: () => import('./panelChunk'),
    warn: (message, error) => console.warn(message, error ?? ''),
  }),
);
