import { useState } from 'react';
import { BrowserRouter, Route } from 'react-router-dom';
import { createApiClient } from '../api/createApiClient';
import { ClearmlPanel } from '../panel/ClearmlPanel';
import { PanelProviders } from '../panel/PanelProviders';

/** The panel on its own page: served by the proxy at /ui, with the API at the same origin's root. */
export function StandaloneApp() {
  const [api] = useState(() => createApiClient({ baseUrl: '' }));
  const layout =
    new URLSearchParams(window.location.search).get('layout') === 'side' ? 'side' : 'page';
  return (
    <PanelProviders api={api}>
      <BrowserRouter basename="/ui">
        <Route path="/">
          <ClearmlPanel api={api} layout={layout} />
        </Route>
      </BrowserRouter>
    </PanelProviders>
  );
}
