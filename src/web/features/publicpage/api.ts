import type { z } from 'zod';
import type {
  Announcement,
  CreateAnnouncementBody,
  PageContent,
  PublicPageDraft,
  PublicPageVersion,
  UpdateAnnouncementBody,
} from '../../../contract/publicpage';
import { api, type Page, type QueryParams } from '../../app/api';

export type { Announcement, PageContent, PublicPageDraft, PublicPageVersion };
export type PageLang = 'zh-Hant' | 'zh-Hans' | 'en';
export const PAGE_LANGS: readonly PageLang[] = ['zh-Hant', 'zh-Hans', 'en'];

/** Query keys start with the estate, so another estate's page is never shown. */
export const publicPageKeys = {
  all: (estateId: string) => ['estate', estateId, 'publicPage'] as const,
  draft: (estateId: string) => ['estate', estateId, 'publicPage', 'draft'] as const,
  versions: (estateId: string) => ['estate', estateId, 'publicPage', 'versions'] as const,
  announcements: (estateId: string, params: QueryParams) => ['estate', estateId, 'publicPage', 'announcements', params] as const,
};

/** R-PB-1: the staff's side of the estate's public page. */
export const publicPageApi = {
  draft: (estateId: string) => api.get<PublicPageDraft>(`/estates/${estateId}/public-page`),
  save: (estateId: string, content: PageContent) => api.put<PublicPageDraft>(`/estates/${estateId}/public-page`, { content }),
  preview: (estateId: string, lang: PageLang) => api.get<{ html: string }>(`/estates/${estateId}/public-page/preview`, { lang }),
  publish: (estateId: string) => api.post<PublicPageVersion>(`/estates/${estateId}/public-page/publish`),
  versions: (estateId: string) => api.get<Page<PublicPageVersion>>(`/estates/${estateId}/public-page/versions`, { pageSize: 50 }),
  announcements: (estateId: string, params: QueryParams) => api.get<Page<Announcement>>(`/estates/${estateId}/announcements`, params),
  createAnnouncement: (estateId: string, body: z.input<typeof CreateAnnouncementBody>) =>
    api.post<Announcement>(`/estates/${estateId}/announcements`, body),
  updateAnnouncement: (id: string, body: z.input<typeof UpdateAnnouncementBody>) => api.patch<Announcement>(`/announcements/${id}`, body),
  withdrawAnnouncement: (id: string) => api.post<{ ok: true }>(`/announcements/${id}/withdraw`),
};
