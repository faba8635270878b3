import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from './api';
import { useEstate } from './session';

export interface EstateListOptions {
  enabled?: boolean;
  refetchInterval?: number;
}

/**
 * A list endpoint of the current estate, `/estates/<id>/<path>`. The key is made from the estate
 * so another estate's rows never show; the last page stays on screen while the next one loads.
 */
export function useEstateList<R>(key: (estateId: string) => QueryKey, path: string, params: QueryParams, options: EstateListOptions = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: key(estate.id),
    queryFn: ({ signal }) => api.get<R>(`/estates/${estate.id}/${path}`, params, signal),
    placeholderData: keepPreviousData,
    ...options,
  });
}
