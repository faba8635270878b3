import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.js';

/** R-PB-1: the estate's public page, its published versions and its announcements (公告). */
const Line = (max: number) => z.string().trim().max(max);

export const PageTexts = z
  .strictObject({
    'zh-Hant': Line(2000).default(''),
    'zh-Hans': Line(2000).default(''),
    en: Line(2000).default(''),
  })
  .describe('One text in each language; an empty one is left out of the page');
export type PageTexts = z.infer<typeof PageTexts>;

const emptyTexts = () => ({ 'zh-Hant': '', 'zh-Hans': '', en: '' });

export const PageContent = z
  .strictObject({
    officeHours: PageTexts.default(emptyTexts),
    phone: Line(40).default('').describe("The office's phone number"),
    hotline: Line(40).default('').describe('The 24 h supervision and complaint hotline (R-IN-1)'),
    repairProcedure: PageTexts.default(emptyTexts).describe('How to report a repair, in the office’s words'),
    complaintProcedure: PageTexts.default(emptyTexts).describe('How to complain, in the office’s words'),
    notes: PageTexts.default(emptyTexts).describe('Anything else the office tells every resident'),
  })
  .meta({ id: 'PublicPageContent' });
export type PageContent = z.infer<typeof PageContent>;

/** The figures of the estate's policy the page states (R-CP-1, R-FU-1, R-FU-2). */
export const PagePolicyFigures = z
  .object({
    complaintReplyHours: z.number().int(),
    followUpHours: z.object({ safety: z.number().int(), leak: z.number().int(), other: z.number().int() }),
    afterRainFollowUpHours: z.number().int(),
  })
  .meta({ id: 'PublicPagePolicyFigures' });
export type PagePolicyFigures = z.infer<typeof PagePolicyFigures>;

export const PublicPageDraft = z
  .object({
    estateId: Id,
    content: PageContent,
    updatedAt: Instant.nullable(),
    updatedBy: z.string().nullable(),
    /** The number of the latest published version, null before the first publication. */
    publishedVersion: z.number().int().nullable(),
    /** The address of the public page, relative to the server. */
    address: z.string(),
  })
  .meta({ id: 'PublicPageDraft' });
export type PublicPageDraft = z.infer<typeof PublicPageDraft>;

export const SavePublicPageBody = z.strictObject({ content: PageContent });

export const PreviewPublicPageQuery = z.strictObject({ lang: z.enum(['zh-Hant', 'zh-Hans', 'en']).default('zh-Hant') });
export const PublicPagePreview = z.object({ html: z.string().describe('The page as the public will see it once published') });

export const PageChange = z.object({
  field: z.string().describe('content.phone, policy.followUpHours.leak, …'),
  before: z.string(),
  after: z.string(),
});
export type PageChange = z.infer<typeof PageChange>;

export const PublicPageVersion = z
  .object({
    number: z.number().int(),
    publishedAt: Instant,
    publishedBy: z.string().describe('Who published it'),
    content: PageContent,
    policy: PagePolicyFigures,
    changes: z.array(PageChange).describe('What changed from the previous version; empty for the first'),
  })
  .meta({ id: 'PublicPageVersion' });
export type PublicPageVersion = z.infer<typeof PublicPageVersion>;

export const ListPublicPageVersionsQuery = PageQuery;

const Day = z.iso.date().describe('YYYY-MM-DD, in the estate’s time zone');

export const Announcement = z
  .object({
    id: Id,
    estateId: Id,
    title: z.string(),
    body: z.string(),
    urgent: z.boolean(),
    fromDate: z.string(),
    untilDate: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof Announcement>;

export const CreateAnnouncementBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(5000).default(''),
  urgent: z.boolean().default(false),
  fromDate: Day,
  untilDate: Day.nullable().optional(),
});
export const UpdateAnnouncementBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string().trim().max(5000).optional(),
  urgent: z.boolean().optional(),
  fromDate: Day.optional(),
  untilDate: Day.nullable().optional(),
});

export const ListAnnouncementsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches the title or the body'),
  state: z.enum(['current', 'upcoming', 'past', 'all']).default('all').describe('By the dates, as of today in the estate'),
  urgent: z.enum(['true', 'false']).optional(),
});
