import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type Page, type QueryParams } from '../../app/api';
import { useEstate } from '../../app/session';
import { frontDeskKeys } from '../frontdesk/api';
import type { AnswerTimes, PbxCall, PbxImportInput, PbxImportResult, PbxSecret, PbxSettings, PbxSettingsInput } from './types';

/**
 * The phone system's queries. The desk's (who is ringing, the calls not logged, a call being
 * followed) sit under the front desk's prefix: a call logged at the desk or any front-desk or
 * phone event on the live stream refreshes them with the rest of the desk.
 */
export const telephonyKeys = {
  desk: (estateId: string) => [...frontDeskKeys.all(estateId), 'pbx'] as const,
  ringing: (estateId: string) => [...frontDeskKeys.all(estateId), 'pbx', 'ringing'] as const,
  call: (estateId: string, id: string) => [...frontDeskKeys.all(estateId), 'pbx', 'call', id] as const,
  calls: (estateId: string, params: QueryParams) => [...frontDeskKeys.all(estateId), 'pbx', 'calls', params] as const,
  settings: (estateId: string) => ['estate', estateId, 'pbx-settings'] as const,
  answerTimes: (estateId: string, params: QueryParams) => ['estate', estateId, 'frontdesk', 'pbx', 'answer-times', params] as const,
};

/** The answer of GET …/pbx/ringing: the calls ringing now at the person's extension(s). */
function ringingItems(answer: PbxCall[] | { items: PbxCall[] }): PbxCall[] {
  return Array.isArray(answer) ? answer : answer.items;
}

/** Who is ringing now at my extension(s): asked on load, on every phone event and, as a fallback, every 20 s. */
export function useRinging(options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: telephonyKeys.ringing(estate.id),
    queryFn: async ({ signal }) =>
      ringingItems(await api.get<PbxCall[] | { items: PbxCall[] }>(`/estates/${estate.id}/pbx/ringing`, undefined, signal)),
    refetchInterval: 20_000,
    ...options,
  });
}

/** One PBX call, followed after it stops ringing (answered, ended, missed). */
export function usePbxCall(id: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: telephonyKeys.call(estate.id, id ?? ''),
    queryFn: ({ signal }) => api.get<PbxCall>(`/estates/${estate.id}/pbx/calls/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function usePbxCalls(params: QueryParams, options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: telephonyKeys.calls(estate.id, params),
    queryFn: ({ signal }) => api.get<Page<PbxCall>>(`/estates/${estate.id}/pbx/calls`, params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    ...options,
  });
}

export function usePbxSettings() {
  const estate = useEstate();
  return useQuery({
    queryKey: telephonyKeys.settings(estate.id),
    queryFn: ({ signal }) => api.get<PbxSettings>(`/estates/${estate.id}/pbx/settings`, undefined, signal),
  });
}

/** R-PH-5 over a period (days in the estate's zone). */
export function useAnswerTimes(params: { from: string; to: string }) {
  const estate = useEstate();
  return useQuery({
    queryKey: telephonyKeys.answerTimes(estate.id, params),
    queryFn: ({ signal }) => api.get<AnswerTimes>(`/estates/${estate.id}/pbx/answer-times`, params, signal),
    placeholderData: keepPreviousData,
  });
}

/** The manager's changes to the phone system; afterwards the settings and the desk's phone lists refetch. */
export function useTelephonyActions() {
  const estate = useEstate();
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: telephonyKeys.settings(estate.id) }),
        queryClient.invalidateQueries({ queryKey: telephonyKeys.desk(estate.id) }),
      ]),
    [queryClient, estate.id],
  );
  return {
    saveSettings: async (body: PbxSettingsInput) => {
      const answer = await api.put<PbxSettings>(`/estates/${estate.id}/pbx/settings`, body);
      queryClient.setQueryData(telephonyKeys.settings(estate.id), answer);
      void refresh();
      return answer;
    },
    newSecret: async () => {
      const answer = await api.post<PbxSecret>(`/estates/${estate.id}/pbx/secret`, {});
      void refresh();
      return answer;
    },
    importRecords: async (body: PbxImportInput) => {
      const answer = await api.post<PbxImportResult>(`/estates/${estate.id}/pbx/imports`, body);
      if (!body.dryRun) void refresh();
      return answer;
    },
  };
}
