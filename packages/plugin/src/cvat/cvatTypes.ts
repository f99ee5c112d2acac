// The parts of CVAT v2.73's client-plugin contract this plugin relies on (see
// shared/CVAT-PLUGIN.md). Typed loosely on purpose: CVAT's own types are not published,
// and every field read from them is checked where it is used.
import type { ComponentType, ReactElement, ReactNode } from 'react';

export type CvatAction = { type: string; payload?: unknown };

export interface CvatSlotData {
  weight?: number;
  shouldBeRendered?: (props: unknown, state: unknown) => boolean;
}

export interface CvatActionCreators {
  addUIComponent: (path: string, component: unknown, data?: CvatSlotData) => CvatAction;
  removeUIComponent: (path: string, component: unknown) => CvatAction;
}

export interface CvatStore {
  getState: () => unknown;
  subscribe: (listener: () => void) => () => void;
}

export interface CvatLabelLike {
  name: string;
  color?: string;
  type?: string;
}

export interface CvatTaskLike {
  id: number;
  name: string;
  projectId: number | null;
  labels: CvatLabelLike[];
}

export interface CvatProjectLike {
  id: number;
  name: string;
}

export interface CvatCore {
  tasks: { get: (filter: { id: number }) => Promise<CvatTaskLike[]> };
  projects?: { get: (filter: { id: number }) => Promise<CvatProjectLike[]> };
}

export interface CvatBuilderArgs {
  dispatch: (action: CvatAction) => unknown;
  REGISTER_ACTION: string;
  REMOVE_ACTION: string;
  actionCreators: CvatActionCreators;
  core: CvatCore;
  store: CvatStore;
}

export interface CvatPluginHandle {
  name: string;
  destructor: () => void;
  globalStateDidUpdate?: (state: unknown) => void;
}

export type CvatBuilder = (args: CvatBuilderArgs) => CvatPluginHandle;

export interface CvatUi {
  registerComponent: (builder: CvatBuilder) => void;
}

/** What CVAT's menus expect back from a menu-slot function (an antd menu item). */
export interface CvatMenuItem {
  key: string;
  label: ReactNode;
  icon?: ReactElement;
  onClick?: () => void;
  className?: string;
}

export type CvatMenuSlot = (args: { key?: string; targetProps?: unknown }) => CvatMenuItem;
export type CvatRouteSlot = () => ReactElement;
export type CvatComponentSlot = ComponentType<{ targetProps?: unknown }>;
