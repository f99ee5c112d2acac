import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import { Spin } from 'antd';
import type { CvatRouteSlot } from '../cvatTypes';
import type { LoadPanelRuntime } from '../chunkTypes';

/**
 * The `router` slot: CVAT calls it as a plain function inside its `<Switch>` and expects
 * exactly one v5 `<Route>`. The page behind it is lazy: nothing of the panel downloads
 * until someone visits `/clearml`.
 */
export function createRouteSlot(options: {
  path: string;
  loadRuntime: LoadPanelRuntime;
}): CvatRouteSlot {
  const LazyPage = lazy(async () => ({ default: (await options.loadRuntime()).ClearmlPage }));
  function ClearmlRoutePage() {
    return (
      <Suspense fallback={<Spin className="clearml-page-loading" aria-label="Loading ClearML" />}>
        <LazyPage />
      </Suspense>
    );
  }
  return () => <Route key="clearml" path={options.path} component={ClearmlRoutePage} />;
}
