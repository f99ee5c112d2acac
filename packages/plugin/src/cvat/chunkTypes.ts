import type { ComponentType } from 'react';
import type { CvatCore, CvatStore } from './cvatTypes';
import type { SidePanelController } from './sidePanel/createSidePanelController';

/** What the lazily loaded panel chunk needs from the always-loaded entry. */
export interface PanelChunkDeps {
  /** Where the proxy is, same origin (e.g. `/clearml-api`). */
  apiBase: string;
  store: CvatStore;
  core: CvatCore;
  /** CVAT's own origin, stored on linked ClearML tasks as the way back. */
  cvatUrl: string;
}

/** The panel, wired to one CVAT instance. */
export interface PanelRuntime {
  ClearmlPage: ComponentType;
  /** Mounts the side panel's host once; returns how to unmount it. */
  mountSidePanelHost: (controller: SidePanelController, doc: Document) => () => void;
}

/** The chunk's surface: everything heavy sits behind this dynamic import. */
export interface PanelChunk {
  createPanelRuntime: (deps: PanelChunkDeps) => PanelRuntime;
}

export type LoadPanelRuntime = () => Promise<PanelRuntime>;
