import { z } from 'zod';
import { Id, Instant, PageQuery, pageOf } from './common.js';

/** In-app notices to staff: the bell in the header. */
export const Notice = z
  .object({
    id: Id,
    estateId: Id,
    kind: z.string().describe("What happened: 'case.assigned', 'case.escalated', 'obligation.breached', ..."),
    subjectType: z.string().describe("The kind of record it is about: 'case', 'obligation', ..."),
    subjectId: z.string(),
    data: z.record(z.string(), z.unknown()).describe('What the screen needs to word the notice'),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'Notice' });
export type Notice = z.infer<typeof Notice>;

export const ListNoticesQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).optional().describe('true: only notices not yet read'),
  estateId: Id.optional().describe('Only this estate; otherwise every estate you work for'),
});

export const NoticePage = pageOf(Notice)
  .extend({ unreadCount: z.number().int().describe('Unread notices in the same estates, for the badge') })
  .meta({ id: 'NoticePage' });

export const NoticeParams = z.strictObject({ noticeId: Id });
