import { z } from 'zod';
import { operation } from '../auth/index.js';
import { Id, Ok, pageOf } from '../contract/common.js';
import { PortalNoticeBoard } from '../contract/portal.js';
import {
  Announcement,
  CreateAnnouncementBody,
  ListAnnouncementsQuery,
  ListPublicPageVersionsQuery,
  PreviewPublicPageQuery,
  PublicPageDraft,
  PublicPagePreview,
  PublicPageVersion,
  SavePublicPageBody,
  UpdateAnnouncementBody,
} from '../contract/publicpage.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createAnnouncement } from './announcements/create-announcement.js';
import { listEstateAnnouncements } from './announcements/list-announcements.js';
import { changeAnnouncement } from './announcements/update-announcement.js';
import { withdrawAnnouncement } from './announcements/withdraw-announcement.js';
import { getPublicPageDraft } from './draft/get-draft.js';
import { listPublicPageVersions } from './draft/list-versions.js';
import { previewPublicPage } from './draft/preview-page.js';
import { publishPublicPage } from './draft/publish-page.js';
import { savePublicPageDraft } from './draft/save-draft.js';
import { readNoticeBoard } from './portal/read-notice-board.js';

const EstateParams = z.strictObject({ estateId: Id });
const tags = ['public page'];

/** R-PB-1: the staff's side of the estate's public page: its draft, preview, publication, versions and announcements. */
export function registerPublicPageRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/public-page',
    ability: 'publicpage.read',
    operationId: 'getPublicPageDraft',
    tags,
    summary: "The public page's draft as the office edits it, with its public address and the number last published",
    params: EstateParams,
    response: PublicPageDraft,
    run: ({ actor, params }) => getPublicPageDraft(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'put',
    url: '/estates/:estateId/public-page',
    ability: 'publicpage.write',
    operationId: 'savePublicPageDraft',
    tags,
    summary: 'Save the draft: office hours, numbers and procedure texts in each language; the public sees them once published',
    params: EstateParams,
    body: SavePublicPageBody,
    response: PublicPageDraft,
    run: ({ actor, params, body }) => savePublicPageDraft(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/public-page/preview',
    ability: 'publicpage.read',
    operationId: 'previewPublicPage',
    tags,
    summary: 'The draft as the public page will show it (the same HTML), with the times of the policy in force',
    params: EstateParams,
    querystring: PreviewPublicPageQuery,
    response: PublicPagePreview,
    run: ({ actor, params, query }) => previewPublicPage(ctx, { actor, estateId: params.estateId, lang: query.lang }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/public-page/publish',
    ability: 'publicpage.publish',
    operationId: 'publishPublicPage',
    tags,
    summary: 'Publish the draft as a new version with the policy figures in force and what changed; 422 when nothing changed',
    params: EstateParams,
    response: PublicPageVersion,
    created: true,
    run: ({ actor, params }) => publishPublicPage(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/public-page/versions',
    ability: 'publicpage.read',
    operationId: 'listPublicPageVersions',
    tags,
    summary: 'Every published version, the newest first, with what changed from the one before',
    params: EstateParams,
    querystring: ListPublicPageVersionsQuery,
    response: pageOf(PublicPageVersion),
    run: ({ actor, params, query }) => listPublicPageVersions(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/announcements',
    ability: 'publicpage.read',
    operationId: 'listAnnouncements',
    tags,
    summary: "The estate's announcements, urgent first; filtered by words, urgency and whether they run today",
    params: EstateParams,
    querystring: ListAnnouncementsQuery,
    response: pageOf(Announcement),
    run: ({ actor, params, query }) => listEstateAnnouncements(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/announcements',
    ability: 'publicpage.write',
    operationId: 'createAnnouncement',
    tags,
    summary: 'Post an announcement on the public page, from its first day to its last',
    params: EstateParams,
    body: CreateAnnouncementBody,
    response: Announcement,
    created: true,
    run: ({ actor, params, body }) => createAnnouncement(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'patch',
    url: '/announcements/:announcementId',
    ability: 'publicpage.write',
    operationId: 'updateAnnouncement',
    tags,
    summary: 'Change an announcement',
    params: z.strictObject({ announcementId: Id }),
    body: UpdateAnnouncementBody,
    response: Announcement,
    run: ({ actor, params, body }) => changeAnnouncement(ctx, { actor, announcementId: params.announcementId, body }),
  });
  operation(api, {
    method: 'post',
    url: '/announcements/:announcementId/withdraw',
    ability: 'publicpage.write',
    operationId: 'withdrawAnnouncement',
    tags,
    summary: 'Take an announcement down (it is kept, with its history)',
    params: z.strictObject({ announcementId: Id }),
    response: Ok,
    run: ({ actor, params }) => withdrawAnnouncement(ctx, { actor, announcementId: params.announcementId }),
  });

  operation(api, {
    method: 'get',
    url: '/estates/:estateId/portal/notice-board',
    ability: 'portal.notice.read',
    operationId: 'getPortalNoticeBoard',
    tags: ['portal'],
    summary: "The residents' notice board: announcements in force (urgent first), today's fee items and the public page's address",
    params: EstateParams,
    response: PortalNoticeBoard,
    run: ({ actor, params }) => readNoticeBoard(ctx, { actor, estateId: params.estateId }),
  });
}
