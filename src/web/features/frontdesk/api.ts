import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type Page, type QueryParams } from '../../app/api';
import { useEstateList } from '../../app/queries';
import { useEstate, useSession } from '../../app/session';
import { keys } from '../directory/api';
import type {
  Call,
  CallbackDue,
  CompleteCallbackInput,
  DepartureInput,
  DeskScript,
  FrontDeskSummary,
  Greeting,
  HandOnInput,
  LogCallInput,
  Message,
  PageStaffInput,
  ReceiverSuggestion,
  ReceiveVisitorInput,
  RecordArrivalInput,
  Situation,
  TakeMessageInput,
  UpdateDeskScriptInput,
  Visit,
} from './types';

/**
 * Calls, messages, visits and the desk's figures change one another (a message is a call, a
 * received visitor frees a seat), so their queries share one prefix: any change on the live
 * stream or from this screen refreshes all of it.
 */
export const frontDeskKeys = {
  all: (estateId: string) => ['estate', estateId, 'frontdesk'] as const,
  greeting: (estateId: string, locale: string) => ['estate', estateId, 'frontdesk', 'greeting', locale] as const,
  scripts: (estateId: string) => ['estate', estateId, 'frontdesk', 'scripts'] as const,
  calls: (estateId: string, params: QueryParams) => ['estate', estateId, 'frontdesk', 'calls', params] as const,
  messages: (estateId: string, params: QueryParams) => ['estate', estateId, 'frontdesk', 'messages', params] as const,
  visits: (estateId: string, params: QueryParams) => ['estate', estateId, 'frontdesk', 'visits', params] as const,
  suggestion: (estateId: string, params: QueryParams) => ['estate', estateId, 'frontdesk', 'suggestion', params] as const,
  callbackDue: (estateId: string, params: QueryParams) => ['estate', estateId, 'frontdesk', 'callback-due', params] as const,
  summary: (estateId: string) => ['estate', estateId, 'frontdesk', 'summary'] as const,
};

/** R-PH-1: what to say on picking up; asked again every minute so morning turns into afternoon. */
export function useGreeting(locale: string) {
  const estate = useEstate();
  return useQuery({
    queryKey: frontDeskKeys.greeting(estate.id, locale),
    queryFn: ({ signal }) => api.get<Greeting>(`/estates/${estate.id}/greeting`, { locale }, signal),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useDeskScripts() {
  const estate = useEstate();
  return useQuery({
    queryKey: frontDeskKeys.scripts(estate.id),
    queryFn: ({ signal }) => api.get<{ items: DeskScript[] }>(`/estates/${estate.id}/desk-scripts`, undefined, signal),
  });
}

export function useCalls(params: QueryParams) {
  return useEstateList<Page<Call>>((estateId) => frontDeskKeys.calls(estateId, params), 'calls', params);
}

export function useMessages(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useEstateList<Page<Message>>((estateId) => frontDeskKeys.messages(estateId, params), 'messages', params, {
    // The live stream brings new messages at once; this keeps "due soon" and "overdue" moving with the clock.
    refetchInterval: 60_000,
    ...options,
  });
}

export function useVisits(params: QueryParams) {
  return useEstateList<Page<Visit>>((estateId) => frontDeskKeys.visits(estateId, params), 'visits', params, {
    refetchInterval: 60_000,
  });
}

/** How many call-backs wait for the signed-in person, for the menu's badge (none without an estate or the messages screen). */
export function useMyOpenMessageCount(allowed = true): number {
  const { estate } = useSession();
  const params = { for: 'me', status: 'open', page: 1, pageSize: 1 };
  const { data } = useQuery({
    queryKey: frontDeskKeys.messages(estate?.id ?? '', params),
    queryFn: ({ signal }) => api.get<Page<Message>>(`/estates/${estate?.id}/messages`, params, signal),
    enabled: Boolean(estate) && allowed,
    refetchInterval: 60_000,
    retry: false,
  });
  return data?.total ?? 0;
}

/** R-WK-2, R-WK-3: who should rise now for a visitor with this purpose (presence changes refresh it). */
export function useSuggestion(params: { purpose?: string; askedForId?: string }, options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: frontDeskKeys.suggestion(estate.id, params),
    queryFn: ({ signal }) => api.get<ReceiverSuggestion>(`/estates/${estate.id}/visits/suggestion`, params, signal),
    ...options,
  });
}

/** R-PH-3: when a message taken now would be called back; asked again every minute while the form is open. */
export function useCallbackDue(
  params: { forStaffId?: string; reason?: string; expectedBackAt?: string },
  options: { enabled?: boolean } = {},
) {
  const estate = useEstate();
  return useQuery({
    queryKey: frontDeskKeys.callbackDue(estate.id, params),
    queryFn: ({ signal }) => api.get<CallbackDue>(`/estates/${estate.id}/messages/callback-due`, params, signal),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
    enabled: Boolean(params.forStaffId) && (options.enabled ?? true),
  });
}

export function useFrontDeskSummary(options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: frontDeskKeys.summary(estate.id),
    queryFn: ({ signal }) => api.get<FrontDeskSummary>(`/estates/${estate.id}/front-desk/summary`, undefined, signal),
    refetchInterval: 60_000,
    ...options,
  });
}

/** Marks every front-desk query stale, and the presence board whose "serving" it changes. */
export function useRefreshFrontDesk() {
  const queryClient = useQueryClient();
  const estate = useEstate();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: frontDeskKeys.all(estate.id) }),
        queryClient.invalidateQueries({ queryKey: keys.collection(estate.id, 'presence') }),
      ]),
    [queryClient, estate.id],
  );
}

/** The changes the front-desk screens make, each a request named in the contract; afterwards the desk refetches. */
export function useFrontDeskActions() {
  const estate = useEstate();
  const refresh = useRefreshFrontDesk();
  const post = useCallback(
    async <T>(path: string, body: unknown): Promise<T> => {
      const answer = await api.post<T>(path, body);
      void refresh();
      return answer;
    },
    [refresh],
  );
  return {
    logCall: (body: LogCallInput) => post<Call>(`/estates/${estate.id}/calls`, body),
    takeMessage: (body: TakeMessageInput) => post<Message>(`/estates/${estate.id}/messages`, body),
    callback: (messageId: string, body: CompleteCallbackInput) => post<Message>(`/messages/${messageId}/callback`, body),
    handOn: (messageId: string, body: HandOnInput) => post<Message>(`/messages/${messageId}/hand-on`, body),
    arrive: (body: RecordArrivalInput) => post<Visit>(`/estates/${estate.id}/visits`, body),
    acknowledge: (visitId: string) => post<Visit>(`/visits/${visitId}/acknowledge`, {}),
    receive: (visitId: string, body: ReceiveVisitorInput) => post<Visit>(`/visits/${visitId}/receive`, body),
    page: (visitId: string, body: PageStaffInput) => post<Visit>(`/visits/${visitId}/page`, body),
    depart: (visitId: string, body: DepartureInput) => post<Visit>(`/visits/${visitId}/departure`, body),
    updateScript: async (situation: Situation, body: UpdateDeskScriptInput) => {
      const answer = await api.put<{ items: DeskScript[] }>(`/estates/${estate.id}/desk-scripts/${situation}`, body);
      void refresh();
      return answer;
    },
  };
}
