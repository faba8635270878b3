import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Attachment as AttachmentSchema } from '../../../contract/cases';
import type {
  ListPortalCasesQuery,
  PortalCaseDetail as PortalCaseDetailSchema,
  PortalCaseEvent as PortalCaseEventSchema,
  PortalCaseKind as PortalCaseKindSchema,
  PortalCasePage as PortalCasePageSchema,
  PortalCreateCaseBody,
  PortalFollowUp as PortalFollowUpSchema,
  PortalNoticeBoard,
  PortalSatisfactionBody,
  PortalScoreBody,
} from '../../../contract/portal';
import { isRecordId } from '../../app/api';
import { PORTAL_KEY, usePortalSession, useResident } from './session';

/** The portal's shapes, all from the shared contract. */
export type PortalCaseDetail = z.infer<typeof PortalCaseDetailSchema>;
export type PortalCasePage = z.infer<typeof PortalCasePageSchema>;
export type PortalCaseSummary = PortalCasePage['items'][number];
export type PortalCaseEvent = z.infer<typeof PortalCaseEventSchema>;
export type PortalFollowUp = z.infer<typeof PortalFollowUpSchema>;
export type PortalCaseKind = z.infer<typeof PortalCaseKindSchema>;
export type PortalCaseInput = z.input<typeof PortalCreateCaseBody>;
export type PortalCasesQuery = Omit<Partial<z.input<typeof ListPortalCasesQuery>>, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};
export type Attachment = z.infer<typeof AttachmentSchema>;

/** What a resident may report, in the order the report page offers them. */
export const PORTAL_CASE_KINDS = [
  'repair',
  'inquiry',
  'complaint',
  'fee',
  'suggestion',
  'praise',
] as const satisfies readonly PortalCaseKind[];
export const REPAIR_CLASSES = ['leak', 'safety', 'other'] as const;
export type RepairClass = (typeof REPAIR_CLASSES)[number];

/** The photos a case takes: the types the server checks by their bytes, at most 10 MiB each. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The notice board: announcements in force (urgent first) and the fee items in force today. */
export type NoticeBoard = PortalNoticeBoard;

const keys = {
  cases: (estateId: string) => [PORTAL_KEY, estateId, 'cases'] as const,
  list: (estateId: string, query: PortalCasesQuery) => [PORTAL_KEY, estateId, 'cases', 'list', query] as const,
  item: (estateId: string, caseId: string) => [PORTAL_KEY, estateId, 'cases', 'item', caseId] as const,
  notices: (estateId: string) => [PORTAL_KEY, estateId, 'notice-board'] as const,
};

function useBase() {
  const resident = useResident();
  const { client } = usePortalSession();
  return { client, estateId: resident.estate.id, base: `/estates/${resident.estate.id}/portal` };
}

export function usePortalCases(query: PortalCasesQuery) {
  const { client, estateId, base } = useBase();
  return useQuery({
    queryKey: keys.list(estateId, query),
    queryFn: ({ signal }) => client.get<PortalCasePage>(`${base}/cases`, query, signal),
    // A reply from the office shows without the resident pulling the page.
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function usePortalCase(caseId: string) {
  const { client, estateId, base } = useBase();
  return useQuery({
    queryKey: keys.item(estateId, caseId),
    queryFn: ({ signal }) => client.get<PortalCaseDetail>(`${base}/cases/${caseId}`, undefined, signal),
    enabled: isRecordId(caseId),
    refetchInterval: 30_000,
  });
}

export function useNoticeBoard() {
  const { client, estateId, base } = useBase();
  return useQuery({
    queryKey: keys.notices(estateId),
    queryFn: ({ signal }) => client.get<NoticeBoard>(`${base}/notice-board`, undefined, signal),
  });
}

function useRefreshCases() {
  const queryClient = useQueryClient();
  const { estateId } = useBase();
  return () => queryClient.invalidateQueries({ queryKey: keys.cases(estateId) });
}

export function useReportCase() {
  const { client, base } = useBase();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: (body: PortalCaseInput) => client.post<PortalCaseDetail>(`${base}/cases`, body),
    onSuccess: () => void refresh(),
  });
}

/** Sends one photo of a case as the raw request body. */
export function useUploadPhoto() {
  const { client, base } = useBase();
  return (caseId: string, file: File) => client.upload<Attachment>(`${base}/cases/${caseId}/attachments`, file);
}

export function useAnswerSatisfaction(caseId: string) {
  const { client, base } = useBase();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: (body: z.input<typeof PortalSatisfactionBody>) =>
      client.post<PortalCaseDetail>(`${base}/cases/${caseId}/satisfaction`, body),
    onSuccess: () => void refresh(),
  });
}

export function useScoreFollowUp() {
  const { client, base } = useBase();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: ({ followUpId, ...body }: z.input<typeof PortalScoreBody> & { followUpId: string }) =>
      client.post<PortalFollowUp>(`${base}/follow-ups/${followUpId}/score`, body),
    onSuccess: () => void refresh(),
  });
}

/** The address of a photo: the server answers it under the API base or below it. */
export function photoSrc(attachment: Attachment): string {
  const url = attachment.url;
  if (/^(https?:)?\/\//.test(url) || url.startsWith('/api/')) return url;
  return `/api/v1${url.startsWith('/') ? '' : '/'}${url}`;
}
