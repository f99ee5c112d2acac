import { useSyncExternalStore, type ReactElement } from 'react';
import Layout from 'antd/lib/layout';
import { BrowserRouter, Redirect, Route, Switch } from 'react-router-dom';
import { AnnotationPage } from './AnnotationPage';
import type { Harness } from './HarnessContext';
import { HarnessContext } from './HarnessContext';
import { HarnessHeader } from './HarnessHeader';
import { ModelsPage } from './ModelsPage';
import { PluginsEntrypoint } from './PluginsEntrypoint';
import { ProjectsPage, TasksPage } from './TasksPage';
import { usePlugins } from './usePlugins';

/**
 * CVAT v2.73's cvat-app.tsx, reduced: the router slot's functions are called as plain
 * functions and their `<Route>`s placed in the main `<Switch>` after CVAT's own routes and
 * before `/models` and the catch-all `<Redirect>`.
 */
function Routes({ harness }: { harness: Harness }) {
  const state = useSyncExternalStore(harness.store.subscribe, harness.store.getState);
  const appProps = { user: state.auth.user };
  const routesToRender = usePlugins(harness.store, 'router', appProps).map(({ component }) =>
    (component as () => ReactElement)(),
  );
  return (
    <Switch>
      <Route exact path="/projects" component={ProjectsPage} />
      <Route exact path="/tasks" component={TasksPage} />
      <Route exact path="/tasks/:tid/jobs/:jid" component={AnnotationPage} />
      {routesToRender}
      <Route path="/models">
        <Switch>
          <Route exact path="/models" component={ModelsPage} />
        </Switch>
      </Route>
      <Redirect push to="/tasks" />
    </Switch>
  );
}

export function HarnessApp({ harness }: { harness: Harness }) {
  return (
    <HarnessContext.Provider value={harness}>
      <BrowserRouter>
        <Layout style={{ minHeight: '100vh' }}>
          <HarnessHeader />
          <Layout.Content style={{ height: '100%' }}>
            <Routes harness={harness} />
          </Layout.Content>
        </Layout>
        <PluginsEntrypoint store={harness.store} core={harness.core} />
      </BrowserRouter>
    </HarnessContext.Provider>
  );
}
