import { actorOf } from '../auth/index.js';
import { ListNoticesQuery, Notice, NoticePage, NoticeParams } from '../contract/notices.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses } from '../platform/http/errors.js';
import { listNotices } from './inbox/list-notices.js';
import { markNoticeRead } from './inbox/mark-notice-read.js';

export function registerNoticeRoutes(api: App, ctx: AppContext): void {
  api.get(
    '/notices',
    {
      config: { ability: 'self' },
      schema: {
        operationId: 'listNotices',
        tags: ['notices'],
        summary: 'Your own notices, newest first, in the estates you work for',
        querystring: ListNoticesQuery,
        response: { 200: NoticePage, ...errorResponses },
      },
    },
    async (req) => listNotices(ctx, { actor: actorOf(req), query: req.query }),
  );
  api.post(
    '/notices/:noticeId/read',
    {
      config: { ability: 'self' },
      schema: {
        operationId: 'markNoticeRead',
        tags: ['notices'],
        summary: 'Mark one of your notices read (reading it again keeps the first time)',
        params: NoticeParams,
        response: { 200: Notice, ...errorResponses },
      },
    },
    async (req) => markNoticeRead(ctx, { actor: actorOf(req), noticeId: req.params.noticeId }),
  );
}
