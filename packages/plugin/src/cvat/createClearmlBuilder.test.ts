import { describe, expect, it, vi } from 'vitest';
import { createClearmlBuilder } from './createClearmlBuilder';
import type { CvatBuilderArgs } from './cvatTypes';
import type { PanelChunk } from './chunkTypes';

// CVAT v2.73's reducer: known paths only, anything else throws (as in plugins-reducer.ts).
const KNOWN = [
  'router',
  'header.userMenu.items',
  'annotationPage.menuActions.items',
  'taskActions.items',
  'projectActions.items',
  'modelsPage.topBar.items',
];

function fakeCvat(state: unknown = {}) {
  const registered: string[] = [];
  const listeners = new Set<() => void>();
  const args: CvatBuilderArgs = {
    REGISTER_ACTION: 'ADD_UI_COMPONENT',
    REMOVE_ACTION: 'REMOVE_UI_COMPONENT',
    actionCreators: {
      addUIComponent: (path, component, data) => ({
        type: 'ADD_UI_COMPONENT',
        payload: { path, component, data },
      }),
      removeUIComponent: (path, component) => ({
        type: 'REMOVE_UI_COMPONENT',
        payload: { path, component },
      }),
    },
    dispatch: (action) => {
      const { path } = action.payload as { path: string };
      if (!KNOWN.includes(path))
        throw new Error('The specified plugins path is not supported by the core application');
      if (action.type === 'ADD_UI_COMPONENT') registered.push(path);
      else registered.splice(registered.indexOf(path), 1);
    },
    core: { tasks: { get: async () => [] } },
    store: {
      getState: () => state,
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    },
  };
  return { args, registered };
}

function build(loadChunk = vi.fn<() => Promise<PanelChunk>>()) {
  const warn = vi.fn();
  const builder = createClearmlBuilder({ apiBase: '/clearml-api', win: window, loadChunk, warn });
  return { builder, warn, loadChunk };
}

describe('createClearmlBuilder', () => {
  it('when CVAT does not know a slot, then it warns once for it and registers every other slot', () => {
    const cvat = fakeCvat();
    const { builder, warn } = build();
    const handle = builder(cvat.args);
    expect(handle.name).toBe('ClearML');
    expect(cvat.registered).toEqual(KNOWN);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('taskPage.details.topBar.extras');
  });

  it('does not load the panel chunk while registering', () => {
    const { builder, loadChunk } = build();
    builder(fakeCvat().args);
    expect(loadChunk).not.toHaveBeenCalled();
  });

  it('when the destructor runs, then it removes what it registered', () => {
    const cvat = fakeCvat();
    const handle = build().builder(cvat.args);
    handle.destructor();
    expect(cvat.registered).toEqual([]);
  });

  it('registers the page route only for logged-in users', () => {
    const dispatched: {
      path: string;
      data?: { shouldBeRendered?: (p: unknown, s: unknown) => boolean };
    }[] = [];
    const cvat = fakeCvat();
    const dispatch = cvat.args.dispatch;
    cvat.args.dispatch = (action) => {
      dispatched.push(action.payload as (typeof dispatched)[number]);
      return dispatch(action);
    };
    build().builder(cvat.args);
    const route = dispatched.find((d) => d.path === 'router');
    expect(route?.data?.shouldBeRendered?.({ user: { id: 1 } }, {})).toBe(true);
    expect(route?.data?.shouldBeRendered?.({ user: null }, {})).toBe(false);
  });
});
