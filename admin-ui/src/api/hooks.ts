import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type RequestOptions } from './client';

/** GET `path` as a cached query keyed by the path itself, so any mutation can invalidate by prefix. */
export function useApiQuery<T>(path: string | undefined, options: { refetchIntervalMs?: number } = {}) {
  return useQuery({
    queryKey: [path] as QueryKey,
    queryFn: ({ signal }) => api<T>(path ?? '', { signal }),
    enabled: path !== undefined,
    ...(options.refetchIntervalMs ? { refetchInterval: options.refetchIntervalMs } : {}),
  });
}

/**
 * A state-changing call. `invalidate` lists path prefixes whose cached reads are refreshed after it
 * succeeds (e.g. ['/api/v1/new-hires'] refreshes the list and every review page).
 */
export function useApiMutation<T, V = void>(
  request: (variables: V) => { path: string } & RequestOptions,
  invalidate: readonly string[] = [],
) {
  const client = useQueryClient();
  return useMutation<T, Error, V>({
    mutationFn: (variables) => {
      const { path, ...options } = request(variables);
      return api<T>(path, options);
    },
    // Not awaited: the caller's own onSuccess (navigate away, show a message) should not wait for the
    // refetch, which may even unmount the caller.
    onSuccess: () => {
      void client.invalidateQueries({
        predicate: (query) => {
          const key = query.queryKey[0];
          return typeof key === 'string' && invalidate.some((prefix) => key.startsWith(prefix));
        },
      });
    },
  });
}
