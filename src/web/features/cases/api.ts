import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { API_BASE, ApiError, api, isRecordId, NetworkError, type Page, type QueryParams } from '../../app/api';
import { useEstateList } from '../../app/queries';
import { useEstate, useSession } from '../../app/session';
import type {
  AssignCaseInput,
  AssigneeSuggestions,
  Attachment,
  CaseDetail,
  CaseSummary,
  CloseInput,
  CompleteRepairInput,
  CreateCaseInput,
  CreateSavedViewInput,
  EscalateInput,
  ForwardInput,
  NoteInput,
  Obligation,
  ReopenInput,
  RepairWorkInput,
  ReplyInput,
  ResolveInput,
  SatisfactionInput,
  SavedView,
  StartRepairInput,
} from './types';

/**
 * Query keys start with the estate like the directory's, so switching estate never shows
 * another estate's cases, and one invalidation of `cases` refreshes every list and detail.
 */
export const caseKeys = {
  cases: (estateId: string) => ['estate', estateId, 'cases'] as const,
  list: (estateId: string, params: QueryParams) => ['estate', estateId, 'cases', 'list', params] as const,
  item: (estateId: string, caseId: string) => ['estate', estateId, 'cases', 'item', caseId] as const,
  assignees: (estateId: string, caseId: string) => ['estate', estateId, 'cases', 'assignees', caseId] as const,
  obligations: (estateId: string) => ['estate', estateId, 'obligations'] as const,
  obligationList: (estateId: string, params: QueryParams) => ['estate', estateId, 'obligations', 'list', params] as const,
  views: (estateId: string) => ['estate', estateId, 'caseViews'] as const,
};

export function useCases(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useEstateList<Page<CaseSummary>>((estateId) => caseKeys.list(estateId, params), 'cases', params, options);
}

export function useCase(caseId: string) {
  const estate = useEstate();
  return useQuery({
    queryKey: caseKeys.item(estate.id, caseId),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${caseId}`, undefined, signal),
    enabled: isRecordId(caseId),
    // Deadlines count down on screen; a fresh copy now and then keeps the badges honest.
    refetchInterval: 60_000,
  });
}

export function useAssigneeSuggestions(caseId: string, enabled: boolean) {
  const estate = useEstate();
  return useQuery({
    queryKey: caseKeys.assignees(estate.id, caseId),
    queryFn: ({ signal }) => api.get<AssigneeSuggestions>(`/cases/${caseId}/assignees`, undefined, signal),
    enabled,
  });
}

export function useObligations(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useEstateList<Page<Obligation>>((estateId) => caseKeys.obligationList(estateId, params), 'obligations', params, {
    refetchInterval: 60_000,
    ...options,
  });
}

export function useSavedViews() {
  const estate = useEstate();
  return useQuery({
    queryKey: caseKeys.views(estate.id),
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>(`/estates/${estate.id}/case-views`, undefined, signal),
  });
}

/** Marks every case list, case and queue of the estate stale, so whatever shows them refetches. */
export function useRefreshCases() {
  const queryClient = useQueryClient();
  const estate = useEstate();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.cases(estate.id) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.obligations(estate.id) }),
      ]),
    [queryClient, estate.id],
  );
}

export function useCreateCase() {
  const estate = useEstate();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: (body: CreateCaseInput) => api.post<CaseDetail>(`/estates/${estate.id}/cases`, body),
    onSuccess: () => void refresh(),
  });
}

/** The actions on one case, each a POST answering the updated case. */
export interface CaseActionBodies {
  assign: AssignCaseInput;
  replies: ReplyInput;
  notes: NoteInput;
  forward: ForwardInput;
  escalate: EscalateInput;
  satisfaction: SatisfactionInput;
  resolve: ResolveInput;
  close: CloseInput;
  reopen: ReopenInput;
  'repair/start': StartRepairInput;
  'repair/work': RepairWorkInput;
  'repair/complete': CompleteRepairInput;
}
export type CaseAction = keyof CaseActionBodies;

/** Runs one action on a case, then shows the fresh case (and every list it appears in). */
export function useCaseAction(caseId: string) {
  const queryClient = useQueryClient();
  const estate = useEstate();
  const refresh = useRefreshCases();
  return useCallback(
    async <A extends CaseAction>(action: A, body: CaseActionBodies[A]): Promise<unknown> => {
      const answer = await api.post<unknown>(`/cases/${caseId}/${action}`, body);
      if (isCaseDetail(answer, caseId)) queryClient.setQueryData(caseKeys.item(estate.id, caseId), answer);
      await refresh();
      return answer;
    },
    [caseId, queryClient, estate.id, refresh],
  );
}

function isCaseDetail(value: unknown, caseId: string): value is CaseDetail {
  return typeof value === 'object' && value !== null && 'id' in value && value.id === caseId && 'timeline' in value;
}

/**
 * A request the shared client cannot make (a raw image body, DELETE), with the same session
 * cookie, CSRF token and error values.
 */
async function send<T>(
  method: string,
  path: string,
  csrfToken: string | null,
  init: { body?: BodyInit; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { method, headers, body: init.body, credentials: 'same-origin' });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const text = await response.text();
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) return null as T;
  }
  if (!response.ok) {
    const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http.${response.status}`,
      typeof error?.message === 'string' ? error.message : response.statusText,
      isRecord(error?.details) ? error.details : {},
    );
  }
  return payload as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sends a photo as the raw request body, as the attachment endpoint expects. */
export function useUploadAttachment(caseId: string) {
  const { session } = useSession();
  const refresh = useRefreshCases();
  const csrfToken = session?.csrfToken ?? null;
  return useCallback(
    async (file: File): Promise<Attachment> => {
      const attachment = await send<Attachment>('POST', `/cases/${caseId}/attachments`, csrfToken, {
        body: file,
        // Header values must be ASCII; the name travels percent-encoded.
        headers: { 'Content-Type': file.type, 'X-File-Name': encodeURIComponent(file.name) },
      });
      await refresh();
      return attachment;
    },
    [caseId, csrfToken, refresh],
  );
}

export function useSaveView() {
  const estate = useEstate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedViewInput) => api.post<SavedView>(`/estates/${estate.id}/case-views`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.views(estate.id) }),
  });
}

export function useDeleteView() {
  const estate = useEstate();
  const queryClient = useQueryClient();
  const csrfToken = useSession().session?.csrfToken ?? null;
  return useMutation({
    mutationFn: (viewId: string) => send<unknown>('DELETE', `/case-views/${viewId}`, csrfToken),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.views(estate.id) }),
  });
}
