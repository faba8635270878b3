import { z } from 'zod';
import { Attachment, CaseStatus, Channel, Satisfaction } from './cases.js';
import { CaseKind, Id, Instant, Locale, PageQuery, pageOf, RepairClass } from './common.js';
import { Password } from './directory.js';
import { FeeItem } from './fees.js';
import { Announcement } from './publicpage.js';

/**
 * The residents' side (R-PT-1): their accounts, how they sign in, and what the portal shows
 * them. A resident sees only the records of their own units; everything else answers 404.
 */

/** What a resident signs in with: their phone number (as the office has it) or their email. */
export const ResidentLogin = z.string().trim().min(3).max(254).describe('The phone number or email address the office has for you');

/** A one-time code as typed: spaces and dashes are ignored, letters in either case. */
export const OneTimeCode = z.string().trim().min(4).max(20);

export const InvitationDelivery = z.enum(['show', 'sms', 'email']);

export const InviteResidentBody = z.strictObject({
  delivery: InvitationDelivery.default('show').describe(
    'show: the code is answered once, to print or read out; sms/email: sent to the resident',
  ),
});

export const ResidentInvitation = z
  .object({
    accountId: Id,
    residentId: Id,
    login: z.string().describe('What the resident will sign in with'),
    code: z.string().nullable().describe('The invitation code, answered only when shown at the counter'),
    expiresAt: Instant,
    sentTo: z.string().nullable().describe('The masked phone or email the code was sent to'),
  })
  .meta({ id: 'ResidentInvitation' });

export const ResidentAccountStatus = z.enum(['invited', 'active', 'disabled']);

export const ResidentAccount = z
  .object({
    id: Id,
    residentId: Id,
    residentName: z.string(),
    units: z.array(z.object({ id: Id, label: z.string() })),
    login: z.string().nullable(),
    status: ResidentAccountStatus,
    hasPassword: z.boolean(),
    invitedAt: Instant,
    invitedBy: z.object({ id: Id, name: z.string() }).nullable(),
    invitationExpiresAt: Instant.nullable().describe('The open invitation, if one is waiting'),
    activatedAt: Instant.nullable(),
    lastSignInAt: Instant.nullable(),
    disabledAt: Instant.nullable(),
  })
  .meta({ id: 'ResidentAccount' });
export type ResidentAccount = z.infer<typeof ResidentAccount>;

export const ListResidentAccountsQuery = PageQuery.extend({
  status: ResidentAccountStatus.optional(),
  q: z.string().trim().max(100).optional().describe("Part of the resident's name, phone or unit"),
});
export const ResidentAccountPage = pageOf(ResidentAccount).meta({ id: 'ResidentAccountPage' });

export const AcceptInvitationBody = z.strictObject({
  code: OneTimeCode,
  password: Password.optional().describe('Leave out to sign in with codes sent to your phone'),
  locale: Locale.optional(),
});

export const ResidentPasswordLoginBody = z.strictObject({
  login: ResidentLogin,
  password: z.string().min(1).max(200),
});

export const SignInCodeRequestBody = z.strictObject({ login: ResidentLogin });
export const SignInCodeSent = z.object({
  sent: z.literal(true).describe('Always true: whether the login is known is not told'),
  expiresInMinutes: z.number().int(),
});

export const ResidentCodeLoginBody = z.strictObject({ login: ResidentLogin, code: OneTimeCode });

export const ResidentPasswordBody = z.strictObject({
  currentPassword: z.string().max(200).optional().describe('Needed when the account has a password'),
  newPassword: Password,
});

export const PortalUnit = z.object({ id: Id, label: z.string(), building: z.string(), number: z.string() });

export const ResidentSessionInfo = z
  .object({
    account: z.object({
      id: Id,
      residentId: Id,
      name: z.string(),
      login: z.string().nullable(),
      locale: Locale,
      hasPassword: z.boolean(),
    }),
    estate: z.object({ id: Id, code: z.string(), name: z.string(), officeName: z.string(), timeZone: z.string() }),
    units: z.array(PortalUnit),
    abilities: z.array(z.string()),
    csrfToken: z.string(),
  })
  .meta({ id: 'ResidentSessionInfo' });
export type ResidentSessionInfo = z.infer<typeof ResidentSessionInfo>;

/** What a resident may report from the portal (R-IN-1: channel `portal`). */
export const PortalCaseKind = z.enum(['inquiry', 'repair', 'complaint', 'fee', 'suggestion', 'praise']);

export const PortalCreateCaseBody = z
  .strictObject({
    unitId: Id,
    kind: PortalCaseKind,
    repairClass: RepairClass.nullable().optional().describe('For a repair: safety, leak or other (R-IN-4)'),
    description: z.string().trim().min(1).max(5000),
    occurredAt: Instant.optional(),
  })
  .refine((b) => b.kind !== 'repair' || Boolean(b.repairClass), {
    path: ['repairClass'],
    message: 'a repair needs its class: safety, leak or other (R-IN-4)',
  })
  .refine((b) => b.kind === 'repair' || !b.repairClass, { path: ['repairClass'], message: 'only repairs have a repair class' });

/** A case as its resident sees it: no staff notes, no internal forwarding, no other resident's phone. */
export const PortalCaseSummary = z
  .object({
    id: Id,
    number: z.string(),
    kind: CaseKind,
    channel: Channel,
    status: CaseStatus,
    unit: PortalUnit.nullable(),
    description: z.string(),
    repairClass: RepairClass.nullable(),
    recordedAt: Instant,
    updatedAt: Instant,
    satisfaction: Satisfaction.nullable(),
    awaitingSatisfaction: z.boolean().describe('A complaint with a handling result that waits for your answer (R-CP-3)'),
  })
  .meta({ id: 'PortalCaseSummary' });

export const PortalCaseEvent = z.object({
  id: Id,
  type: z.enum([
    'recorded',
    'reply',
    'repair_appointment',
    'repair_started',
    'repair_completed',
    'resolved',
    'satisfaction',
    'closed',
    'reopened',
    'follow_up',
    'message',
  ]),
  at: Instant,
  text: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const PortalFollowUp = z.object({
  id: Id,
  kind: z.string().describe('after_repair or after_rain'),
  dueAt: Instant.nullable(),
  visitedAt: Instant.nullable(),
  outcome: z.string().nullable(),
  residentScore: z.number().int().min(1).max(5).nullable(),
  residentComment: z.string().nullable(),
  canScore: z.boolean(),
});

export const PortalCaseDetail = PortalCaseSummary.extend({
  result: z.string().nullable(),
  closedAt: Instant.nullable(),
  timeline: z.array(PortalCaseEvent),
  followUps: z.array(PortalFollowUp),
  attachments: z.array(Attachment),
}).meta({ id: 'PortalCaseDetail' });

export const PortalCaseStatusFilter = z.enum(['open', 'closed']);
export const ListPortalCasesQuery = PageQuery.extend({
  status: PortalCaseStatusFilter.optional(),
  kind: CaseKind.optional(),
  unitId: Id.optional(),
});
export const PortalCasePage = pageOf(PortalCaseSummary).meta({ id: 'PortalCasePage' });

export const PortalSatisfactionBody = z.strictObject({
  satisfaction: Satisfaction,
  comment: z.string().trim().max(1000).optional().describe('In your own words'),
});

export const PortalScoreBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});

/** The portal's notice board: what the estate's public page shows, for a signed-in resident (R-PB-1, R-FE-1). */
export const PortalNoticeBoard = z
  .object({
    announcements: z.array(Announcement).describe('Announcements in force today, urgent first'),
    fees: z.array(FeeItem).describe('The fee items and rates in force today'),
    publicPageUrl: z.string().describe("The estate's public page, /p/<estate code>"),
  })
  .meta({ id: 'PortalNoticeBoard' });
export type PortalNoticeBoard = z.infer<typeof PortalNoticeBoard>;
