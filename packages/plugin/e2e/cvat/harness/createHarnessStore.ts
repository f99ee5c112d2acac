// A Redux-like store shaped like CVAT v2.73's where plugins touch it: `auth.user`,
// `organizations.current`, `annotation.job.instance`, and `plugins.components` with the
// v2.73 slot paths only. The plugins reducer behaves like CVAT's (plugins-reducer.ts):
// an unknown path throws, so a plugin must survive that.

export interface PluginEntry {
  component: unknown;
  data: { weight: number; shouldBeRendered: (props: unknown, state: unknown) => boolean };
}

type Slots = { [key: string]: Slots | PluginEntry[] };

export interface HarnessJob {
  id: number;
  taskId: number;
  projectId: number | null;
  startFrame: number;
  stopFrame: number;
  stage: string;
  state: string;
}

export interface HarnessState {
  auth: {
    user: {
      id: number;
      username: string;
      email: string;
      groups: string[];
      isSuperuser: boolean;
    } | null;
  };
  organizations: { current: { slug: string } | null };
  annotation: { job: { instance: HarnessJob | null } };
  plugins: { components: Slots; list: { name: string }[] };
}

export type HarnessAction =
  | {
      type: 'ADD_UI_COMPONENT';
      payload: { path: string; component: unknown; data?: Partial<PluginEntry['data']> };
    }
  | { type: 'REMOVE_UI_COMPONENT'; payload: { path: string; component: unknown } }
  | { type: 'ADD_PLUGIN'; payload: { name: string } }
  | { type: 'SET_JOB'; payload: { job: HarnessJob | null } };

const V2_73_SLOTS = (): Slots => ({
  router: [],
  header: { userMenu: { items: [] } },
  annotationPage: { menuActions: { items: [] } },
  taskActions: { items: [] },
  projectActions: { items: [] },
  modelsPage: { topBar: { items: [] }, modelItem: { menu: { items: [] } } },
  taskItem: { ribbon: [] },
  projectItem: { ribbon: [] },
});

function slotAt(components: Slots, path: string): PluginEntry[] {
  let node: Slots | PluginEntry[] | undefined = components;
  for (const segment of path.split('.')) {
    node = Array.isArray(node) ? undefined : node?.[segment];
    if (node === undefined) {
      throw new Error('The specified plugins path is not supported by the core application');
    }
  }
  if (!Array.isArray(node))
    throw new Error('Could not add plugin component. Target path is not array');
  return node;
}

function reduce(state: HarnessState, action: HarnessAction): HarnessState {
  switch (action.type) {
    case 'ADD_UI_COMPONENT':
    case 'REMOVE_UI_COMPONENT': {
      const next = cloneSlots(state.plugins.components);
      const slot = slotAt(next, action.payload.path);
      if (action.type === 'ADD_UI_COMPONENT') {
        const data = action.payload.data ?? {};
        slot.push({
          component: action.payload.component,
          data: {
            weight: data.weight || Number.MAX_SAFE_INTEGER,
            shouldBeRendered: data.shouldBeRendered ?? (() => true),
          },
        });
      } else {
        const index = slot.findIndex((e) => e.component === action.payload.component);
        if (index >= 0) slot.splice(index, 1);
      }
      return { ...state, plugins: { ...state.plugins, components: next } };
    }
    case 'ADD_PLUGIN':
      return {
        ...state,
        plugins: { ...state.plugins, list: [...state.plugins.list, action.payload] },
      };
    case 'SET_JOB':
      return { ...state, annotation: { job: { instance: action.payload.job } } };
    default:
      return state;
  }
}

function cloneSlots(slots: Slots): Slots {
  const out: Slots = {};
  for (const [key, value] of Object.entries(slots))
    out[key] = Array.isArray(value) ? [...value] : cloneSlots(value);
  return out;
}

export function createHarnessStore(initial: Omit<HarnessState, 'plugins'>) {
  let state: HarnessState = { ...initial, plugins: { components: V2_73_SLOTS(), list: [] } };
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(action: HarnessAction) {
      state = reduce(state, action); // throws for unknown plugin paths, like CVAT's
      for (const listener of [...listeners]) listener();
      return action;
    },
  };
}

export type HarnessStore = ReturnType<typeof createHarnessStore>;
