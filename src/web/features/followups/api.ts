import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, apiUrl, isRecordId, type Page, type QueryParams } from '../../app/api';
import { useEstateList } from '../../app/queries';
import { useEstate } from '../../app/session';
import { caseKeys } from '../cases/api';
import type {
  AcknowledgeNoticeInput,
  AssignFollowUpInput,
  DrawSpotCheckInput,
  FollowUp,
  FollowUpAttemptInput,
  FollowUpPage,
  FollowUpSummary,
  ImportRainInput,
  ImportRainResult,
  IssueNoticeInput,
  MarkRectifiedInput,
  NextNoticeNumber,
  RainEvent,
  RecordFollowUpInput,
  RecordRainInput,
  RectificationNotice,
  SpotCheck,
  SpotCheckDrawPreview,
  SpotVerdictInput,
  VoidNoticeInput,
} from './types';

/**
 * Follow-ups, rain, notices and spot checks change one another (rain opens follow-ups, a problem
 * opens a notice, a rectification schedules a follow-up), so their queries share one prefix and
 * any change refreshes the whole family.
 */
export const followUpKeys = {
  all: (estateId: string) => ['estate', estateId, 'followups'] as const,
  list: (estateId: string, params: QueryParams) => ['estate', estateId, 'followups', 'list', params] as const,
  item: (estateId: string, id: string) => ['estate', estateId, 'followups', 'item', id] as const,
  summary: (estateId: string) => ['estate', estateId, 'followups', 'summary'] as const,
  rain: (estateId: string, params: QueryParams) => ['estate', estateId, 'followups', 'rain', params] as const,
  notices: (estateId: string, params: QueryParams) => ['estate', estateId, 'followups', 'notices', params] as const,
  notice: (estateId: string, id: string) => ['estate', estateId, 'followups', 'notice', id] as const,
  spotChecks: (estateId: string, params: QueryParams) => ['estate', estateId, 'followups', 'spotChecks', params] as const,
  spotCheck: (estateId: string, id: string) => ['estate', estateId, 'followups', 'spotCheck', id] as const,
  nextNoticeNumber: (estateId: string, at: string | undefined) => ['estate', estateId, 'followups', 'nextNoticeNumber', at] as const,
  drawPreview: (estateId: string, month: string) => ['estate', estateId, 'followups', 'drawPreview', month] as const,
};

/** R-RC-2: the number the next notice would take, for the confirmation before issuing (takes none). */
export function useNextNoticeNumber(at: string | undefined, options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: followUpKeys.nextNoticeNumber(estate.id, at),
    queryFn: ({ signal }) =>
      api.get<NextNoticeNumber>(`/estates/${estate.id}/rectification-notices/next-number`, at ? { at } : undefined, signal),
    staleTime: 0,
    ...options,
  });
}

/** R-FU-5: what drawing the month would sample, for the manager to confirm before drawing. */
export function useSpotCheckDrawPreview(month: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: followUpKeys.drawPreview(estate.id, month ?? ''),
    queryFn: ({ signal }) => api.get<SpotCheckDrawPreview>(`/estates/${estate.id}/spot-checks/preview`, { month: month ?? '' }, signal),
    enabled: Boolean(month),
    staleTime: 0,
  });
}

export function useFollowUps(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useEstateList<FollowUpPage>((estateId) => followUpKeys.list(estateId, params), 'follow-ups', params, {
    // "Due today" and "overdue" move with the clock.
    refetchInterval: 60_000,
    ...options,
  });
}

export function useFollowUp(followUpId: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: followUpKeys.item(estate.id, followUpId ?? ''),
    queryFn: ({ signal }) => api.get<FollowUp>(`/follow-ups/${followUpId}`, undefined, signal),
    enabled: Boolean(followUpId),
  });
}

export function useFollowUpSummary(options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: followUpKeys.summary(estate.id),
    queryFn: ({ signal }) => api.get<FollowUpSummary>(`/estates/${estate.id}/follow-ups/summary`, undefined, signal),
    refetchInterval: 60_000,
    ...options,
  });
}

export function useRainEvents(params: QueryParams) {
  return useEstateList<Page<RainEvent>>((estateId) => followUpKeys.rain(estateId, params), 'rain-events', params);
}

export function useNotices(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useEstateList<Page<RectificationNotice>>(
    (estateId) => followUpKeys.notices(estateId, params),
    'rectification-notices',
    params,
    options,
  );
}

export function useNotice(noticeId: string) {
  const estate = useEstate();
  return useQuery({
    queryKey: followUpKeys.notice(estate.id, noticeId),
    queryFn: ({ signal }) => api.get<RectificationNotice>(`/rectification-notices/${noticeId}`, undefined, signal),
    enabled: isRecordId(noticeId),
  });
}

export function useSpotChecks(params: QueryParams) {
  return useEstateList<Page<SpotCheck>>((estateId) => followUpKeys.spotChecks(estateId, params), 'spot-checks', params);
}

export function useSpotCheck(spotCheckId: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: followUpKeys.spotCheck(estate.id, spotCheckId ?? ''),
    queryFn: ({ signal }) => api.get<SpotCheck>(`/spot-checks/${spotCheckId}`, undefined, signal),
    enabled: Boolean(spotCheckId),
  });
}

/** Marks every follow-up, rain, notice and spot-check query stale, and the cases they belong to. */
export function useRefreshFollowUps() {
  const queryClient = useQueryClient();
  const estate = useEstate();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: followUpKeys.all(estate.id) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.cases(estate.id) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.obligations(estate.id) }),
      ]),
    [queryClient, estate.id],
  );
}

/** Every change here is one POST answering the changed record; afterwards the family refetches. */
function usePost() {
  const refresh = useRefreshFollowUps();
  return useCallback(
    async <T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> => {
      const answer = await api.post<T>(path, body, headers ? { headers } : undefined);
      await refresh();
      return answer;
    },
    [refresh],
  );
}

/** The changes the follow-up screens make, each a POST to the API named in the contract. */
export function useFollowUpActions() {
  const estate = useEstate();
  const post = usePost();
  return {
    record: (followUpId: string, body: RecordFollowUpInput) => post<FollowUp>(`/follow-ups/${followUpId}/record`, body),
    attempt: (followUpId: string, body: FollowUpAttemptInput) => post<FollowUp>(`/follow-ups/${followUpId}/attempts`, body),
    assign: (followUpId: string, body: AssignFollowUpInput) => post<FollowUp>(`/follow-ups/${followUpId}/assign`, body),
    recordRain: (body: RecordRainInput) => post<RainEvent>(`/estates/${estate.id}/rain-events`, body),
    importRain: (body: ImportRainInput) =>
      body.dryRun
        ? api.post<ImportRainResult>(`/estates/${estate.id}/rain-events/import`, body)
        : post<ImportRainResult>(`/estates/${estate.id}/rain-events/import`, body),
    /** `idempotencyKey`: one per opening of the form, so a second click or a retry never takes a second number. */
    issueNotice: (body: IssueNoticeInput, idempotencyKey: string) =>
      post<RectificationNotice>(`/estates/${estate.id}/rectification-notices`, body, { 'Idempotency-Key': idempotencyKey }),
    acknowledge: (noticeId: string, body: AcknowledgeNoticeInput) =>
      post<RectificationNotice>(`/rectification-notices/${noticeId}/acknowledge`, body),
    rectified: (noticeId: string, body: MarkRectifiedInput) =>
      post<RectificationNotice>(`/rectification-notices/${noticeId}/rectified`, body),
    voidNotice: (noticeId: string, body: VoidNoticeInput) => post<RectificationNotice>(`/rectification-notices/${noticeId}/void`, body),
    drawSpotCheck: (body: DrawSpotCheckInput) => post<SpotCheck>(`/estates/${estate.id}/spot-checks`, body),
    verdict: (itemId: string, body: SpotVerdictInput) => post<SpotCheck>(`/spot-check-items/${itemId}/verdict`, body),
  };
}

/** The server PDF of a notice in the given language, for a link. */
export const noticePdfUrl = (noticeId: string, locale: string) => apiUrl(`/rectification-notices/${noticeId}/pdf`, { locale });
