// The CVAT host harness: a page that reproduces CVAT v2.73's client-plugin contract and
// loads the plugin folder exactly as built (`clearml-cvat-plugin` is aliased to the built
// folder's src/ts/index.tsx, as CVAT's webpack takes it). React, antd (per component from
// antd/lib) and react-router-dom v5 are this page's own copies, shared with the plugin.
import 'clearml-cvat-plugin';
import { createRoot } from 'react-dom/client';
import { createHarnessCore, type HarnessData } from './createHarnessCore';
import { createHarnessStore } from './createHarnessStore';
import { HarnessApp } from './HarnessApp';

const data: HarnessData = {
  user: {
    id: 1,
    username: 'alice',
    email: 'alice@example.com',
    groups: ['user'],
    isSuperuser: false,
  },
  projects: [
    { id: 3, name: 'Audio' },
    { id: 4, name: 'Street Scenes' },
  ],
  tasks: [
    {
      id: 7,
      name: 'Bird calls 2026',
      projectId: 3,
      labels: [
        { id: 1, name: 'bird', color: '#33ddff', type: 'rectangle' },
        { id: 2, name: 'background noise', color: '#fa3253', type: 'tag' },
      ],
    },
    {
      id: 8,
      name: 'Crossings',
      projectId: 4,
      labels: [{ id: 3, name: 'car', color: '#ff6037', type: 'polygon' }],
    },
  ],
};

const store = createHarnessStore({
  auth: { user: data.user },
  organizations: { current: { slug: 'acme' } },
  annotation: { job: { instance: null } },
});
const core = createHarnessCore(data);
// For the browser tests' assertions only; the plugin gets these through the builder.
Object.assign(window, { __cvatHarness: { store } });

const container = document.getElementById('root');
if (container) createRoot(container).render(<HarnessApp harness={{ store, core, data }} />);
