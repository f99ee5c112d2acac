import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider, theme } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiProvider } from '../api/ApiContext';
import type { ApiClient } from '../api/createApiClient';

export interface PanelProvidersProps {
  api: ApiClient;
  /** Tests pass a fresh client with retries off; hosts may share one across mounts. */
  queryClient?: QueryClient;
  children: ReactNode;
}

export function createPanelQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Retrying a 4xx only delays the message the user needs.
        retry: (count, error) => count < 2 && !isClientError(error),
        refetchOnWindowFocus: false,
      },
    },
  });
}

function isClientError(error: unknown): boolean {
  const status = (error as { status?: number }).status ?? 0;
  return status >= 400 && status < 500;
}

/** Everything the panel's components need above them: data cache, antd theme, API client. */
export function PanelProviders({ api, queryClient, children }: PanelProvidersProps) {
  const [fallbackClient] = useState(() => queryClient ?? createPanelQueryClient());
  return (
    <QueryClientProvider client={queryClient ?? fallbackClient}>
      <ConfigProvider theme={{ algorithm: theme.compactAlgorithm }}>
        <App component={false}>
          <ApiProvider api={api}>{children}</ApiProvider>
        </App>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
