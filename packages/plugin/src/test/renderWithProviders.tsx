import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, type RouteComponentProps } from 'react-router-dom';
import { createApiClient, type ApiClient } from '../api/createApiClient';
import { PanelProviders } from '../panel/PanelProviders';

type Location = RouteComponentProps['location'];
import { API } from './server';

export interface Rendered extends RenderResult {
  user: UserEvent;
  api: ApiClient;
  queryClient: QueryClient;
  /** Where the router is now (path and query string). */
  location: () => Location;
}

/** The one way tests render panel components: fresh cache (no retries), test API, a router. */
export function renderWithProviders(
  ui: ReactElement | ((api: ApiClient) => ReactElement),
  options: { route?: string } = {},
): Rendered {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const api = createApiClient({ baseUrl: API, csrf: true, timeoutMs: 5_000 });
  let current: Location | undefined;
  const result = render(
    <PanelProviders api={api} queryClient={queryClient}>
      <MemoryRouter initialEntries={[options.route ?? '/']}>
        {typeof ui === 'function' ? ui(api) : ui}
        <Route
          render={({ location }) => {
            current = location;
            return null;
          }}
        />
      </MemoryRouter>
    </PanelProviders>,
  );
  return {
    ...result,
    // No pause between keystrokes: antd re-renders per key and jsdom is slow enough already.
    user: userEvent.setup({ delay: null }),
    api,
    queryClient,
    location: () => {
      if (!current) throw new Error('router not rendered');
      return current;
    },
  };
}
