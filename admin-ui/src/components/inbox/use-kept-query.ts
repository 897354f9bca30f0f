import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * Like useApiQuery (keyed by path, so prefix invalidation still works), but keeps showing the previous
 * answer while the next one loads: search-as-you-type does not flash "Loading…" on every key.
 */
export function useKeptQuery<T>(path: string) {
  return useQuery({
    queryKey: [path] as QueryKey,
    queryFn: ({ signal }) => api<T>(path, { signal }),
    placeholderData: keepPreviousData,
  });
}
