import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type Page, type QueryParams } from '../../app/api';
import { useEstateList } from '../../app/queries';
import { useEstate } from '../../app/session';
import type { Building, Department, Estate, HistoryEntry, PresenceRow, Resident, Staff, Unit, UnitDetail, UnitLookupMatch } from './types';

/** The directory collections of an estate, each with its list endpoint. */
export type Collection = 'units' | 'residents' | 'buildings' | 'departments' | 'staff' | 'presence' | 'history';

/** Query keys start with the estate, so switching estate never shows another estate's rows. */
export const keys = {
  estate: (estateId: string) => ['estate', estateId] as const,
  collection: (estateId: string, collection: Collection) => ['estate', estateId, collection] as const,
  list: (estateId: string, collection: Collection, params: QueryParams) => ['estate', estateId, collection, 'list', params] as const,
  item: (estateId: string, collection: Collection, id: string) => ['estate', estateId, collection, 'item', id] as const,
};

const listPath = (estateId: string, collection: Collection) => `/estates/${estateId}/${collection}`;

/** `enabled: false` for a list the person may not read (the screen does not show it). */
export type ListOptions = { refetchInterval?: number; enabled?: boolean };

function useList<T>(collection: Collection, params: QueryParams, options: ListOptions = {}) {
  return useEstateList<Page<T>>((estateId) => keys.list(estateId, collection, params), collection, params, options);
}

export const useUnits = (params: QueryParams, options?: ListOptions) => useList<Unit>('units', params, options);
export const useResidents = (params: QueryParams, options?: ListOptions) => useList<Resident>('residents', params, options);
export const useBuildings = (params: QueryParams, options?: ListOptions) => useList<Building>('buildings', params, options);
export const useDepartments = (params: QueryParams) => useList<Department>('departments', params);
export const useStaffList = (params: QueryParams) => useList<Staff>('staff', params);
export const useHistory = (params: QueryParams) => useList<HistoryEntry>('history', params);

/** Every building of the estate, for filters and forms (an estate has a handful). */
export const useAllBuildings = () => useBuildings({ page: 1, pageSize: 200 });
/** Every department of the estate, for filters and forms. */
export const useAllDepartments = () => useDepartments({ page: 1, pageSize: 200 });

/** Every department of another estate the person works for (a membership row of the staff form). */
export function useDepartmentsOf(estateId: string) {
  const params = { page: 1, pageSize: 200 };
  return useQuery({
    queryKey: keys.list(estateId, 'departments', params),
    queryFn: ({ signal }) => api.get<Page<Department>>(listPath(estateId, 'departments'), params, signal),
  });
}

export function usePresenceBoard(options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: keys.collection(estate.id, 'presence'),
    queryFn: ({ signal }) => api.get<{ items: PresenceRow[] }>(`/estates/${estate.id}/presence`, undefined, signal),
    refetchInterval: 10_000,
    ...options,
  });
}

/**
 * The one unit and caller lookup of every screen (GET /estates/{id}/unit-lookup): units by
 * building and number, and residents by phone or name for those who may read them. Kept with
 * the units' queries, so a change to the units refreshes it.
 */
export function useUnitLookup(q: string) {
  const estate = useEstate();
  return useQuery({
    queryKey: [...keys.collection(estate.id, 'units'), 'lookup', q],
    queryFn: ({ signal }) => api.get<{ items: UnitLookupMatch[] }>(`/estates/${estate.id}/unit-lookup`, { q }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useUnitDetail(unitId: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: keys.item(estate.id, 'units', unitId ?? ''),
    queryFn: ({ signal }) => api.get<UnitDetail>(`/units/${unitId}`, undefined, signal),
    enabled: unitId !== null,
  });
}

export function useEstateRecord() {
  const estate = useEstate();
  return useQuery({
    queryKey: [...keys.estate(estate.id), 'record'],
    queryFn: ({ signal }) => api.get<Estate>(`/estates/${estate.id}`, undefined, signal),
  });
}

/** Marks an estate's collections stale after a change, so every list showing them refetches. */
export function useRefresh() {
  const queryClient = useQueryClient();
  const estate = useEstate();
  return useCallback(
    (...collections: Collection[]) =>
      Promise.all(collections.map((c) => queryClient.invalidateQueries({ queryKey: keys.collection(estate.id, c) }))),
    [queryClient, estate.id],
  );
}
