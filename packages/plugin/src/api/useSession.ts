import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext';
import type { ApiClient } from './createApiClient';
import { queryKeys } from './queryKeys';
import { unwrap } from './unwrap';

export function sessionQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => unwrap(api.GET('/session', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQuery(useApi()));
}
