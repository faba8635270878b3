import { z } from 'zod';
import { type Actor, actorOf, operation } from '../auth/index.js';
import { Id, Instant, pageOf } from '../contract/common.js';
import {
  AcknowledgeNoticeBody,
  AssignFollowUpBody,
  DrawSpotCheckBody,
  FollowUp,
  FollowUpAttemptBody,
  FollowUpPage,
  ImportRainBody,
  ImportRainResult,
  IssueNoticeBody,
  ListFollowUpsQuery,
  ListNoticesQuery,
  ListRainEventsQuery,
  ListSpotChecksQuery,
  MarkRectifiedBody,
  NextNoticeNumber,
  NextNoticeNumberQuery,
  RainEvent,
  RecordFollowUpBody,
  RecordRainEventBody,
  RectificationNotice,
  SpotCheck,
  SpotCheckDrawPreview,
  SpotCheckDrawPreviewQuery,
  SpotVerdictBody,
  VoidNoticeBody,
} from '../contract/followups.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createdResponses, errorResponses, okResponses } from '../platform/http/errors.js';
import { IDEMPOTENCY_HEADER, IdempotencyKey } from '../platform/idempotency.js';
import { acknowledgeRectificationNotice } from './notices/acknowledge-notice.js';
import { getRectificationNotice } from './notices/get-notice.js';
import { issueRectificationNoticeOutcome } from './notices/issue-notice.js';
import { listRectificationNotices } from './notices/list-notices.js';
import { markRectified } from './notices/mark-rectified.js';
import { nextNoticeNumber } from './notices/next-notice-number.js';
import { rectificationNoticePdf } from './notices/notice-pdf.js';
import { voidRectificationNotice } from './notices/void-notice.js';
import { importRainEvents } from './rain/import-rain-events.js';
import { listRainEvents } from './rain/list-rain-events.js';
import { recordRainEvent } from './rain/record-rain-event.js';
import type { FollowUpAbility } from './shared.js';
import { drawSpotCheck } from './spot-checks/draw-spot-check.js';
import { getSpotCheck } from './spot-checks/get-spot-check.js';
import { listSpotChecks } from './spot-checks/list-spot-checks.js';
import { previewSpotCheckDraw } from './spot-checks/preview-draw.js';
import { recordSpotCheckVerdict } from './spot-checks/record-verdict.js';
import { assignFollowUp } from './visits/assign-follow-up.js';
import { getFollowUp } from './visits/get-follow-up.js';
import { listFollowUps } from './visits/list-follow-ups.js';
import { recordFollowUpAttempt } from './visits/record-attempt.js';
import { recordFollowUp } from './visits/record-follow-up.js';

const EstateParams = z.strictObject({ estateId: Id });
const FollowUpParams = z.strictObject({ followUpId: Id });
const NoticeParams = z.strictObject({ rectificationNoticeId: Id });
const tags = ['follow-ups'];

export function registerFollowUpRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ follow-ups
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/follow-ups',
    ability: 'followup.read',
    operationId: 'listFollowUps',
    tags,
    summary: 'The follow-up queue: due today, overdue, awaiting rain, open, done, flagged; per person with assignee',
    params: EstateParams,
    querystring: ListFollowUpsQuery,
    response: FollowUpPage,
    run: ({ actor, params, query }) => listFollowUps(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/follow-ups/:followUpId',
    ability: 'followup.read',
    operationId: 'getFollowUp',
    tags,
    params: FollowUpParams,
    querystring: z.strictObject({ asOf: Instant.optional() }),
    response: FollowUp,
    run: ({ actor, params, query }) =>
      getFollowUp(ctx, {
        actor,
        followUpId: params.followUpId,
        ...(query.asOf && { asOf: new Date(query.asOf) }),
      }),
  });
  const actions: {
    path: string;
    operationId: string;
    ability: FollowUpAbility;
    summary: string;
    body: z.ZodType;
    run: (c: AppContext, o: { actor: Actor; followUpId: string; body: never }) => Promise<FollowUp>;
  }[] = [
    {
      path: 'record',
      operationId: 'recordFollowUp',
      ability: 'followup.record',
      summary:
        "R-FU-4: record the visit or call: who, when, method, the resident's words, satisfaction, result; a problem needs a notice (R-RC-1)",
      body: RecordFollowUpBody,
      run: recordFollowUp,
    },
    {
      path: 'attempts',
      operationId: 'recordFollowUpAttempt',
      ability: 'followup.record',
      summary: 'R-FU-4: a try that did not reach the resident; "unreachable" is recorded after enough of them',
      body: FollowUpAttemptBody,
      run: recordFollowUpAttempt,
    },
    {
      path: 'assign',
      operationId: 'assignFollowUp',
      ability: 'followup.assign',
      summary: 'Give the follow-up to a person (or nobody)',
      body: AssignFollowUpBody,
      run: assignFollowUp,
    },
  ];
  for (const action of actions) {
    operation(api, {
      method: 'post',
      url: `/follow-ups/:followUpId/${action.path}`,
      ability: action.ability,
      operationId: action.operationId,
      tags,
      summary: action.summary,
      params: FollowUpParams,
      body: action.body,
      response: FollowUp,
      run: ({ actor, params, body }) => action.run(ctx, { actor, followUpId: params.followUpId, body: body as never }),
    });
  }

  // ------------------------------------------------------------ rain
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/rain-events',
    ability: 'rain.read',
    operationId: 'listRainEvents',
    tags,
    summary: 'Rain on record for the estate (R-FU-3), newest first',
    params: EstateParams,
    querystring: ListRainEventsQuery,
    response: pageOf(RainEvent),
    run: ({ actor, params, query }) => listRainEvents(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/rain-events',
    ability: 'rain.record',
    operationId: 'recordRainEvent',
    tags,
    summary: 'R-FU-3: record a rain by hand; leak repairs completed before it started get their after-rain follow-up (R-FU-2), once',
    params: EstateParams,
    body: RecordRainEventBody,
    response: RainEvent,
    created: true,
    run: ({ actor, params, body }) => recordRainEvent(ctx, { actor, estateId: params.estateId, body }),
  });
  api.post(
    '/estates/:estateId/rain-events/import',
    {
      bodyLimit: 20 * 1024 * 1024,
      config: { ability: 'rain.record' },
      schema: {
        operationId: 'importRainEvents',
        tags,
        summary: "R-FU-3: import rain from the Observatory's rainfall JSON or a CSV (time, rainfall_mm); rain already on record is skipped",
        params: EstateParams,
        body: ImportRainBody,
        response: okResponses(ImportRainResult),
      },
    },
    async (req) => importRainEvents(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body }),
  );

  // ------------------------------------------------------------ rectification notices
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/rectification-notices',
    ability: 'notice.read.own',
    operationId: 'listRectificationNotices',
    tags,
    summary: 'Written rectification notices, newest first',
    params: EstateParams,
    querystring: ListNoticesQuery,
    response: pageOf(RectificationNotice),
    run: ({ actor, params, query }) => listRectificationNotices(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/rectification-notices/next-number',
    ability: 'notice.issue',
    operationId: 'nextRectificationNoticeNumber',
    tags,
    summary: 'R-RC-2: the number the next notice would take, shown before issuing; takes none',
    params: EstateParams,
    querystring: NextNoticeNumberQuery,
    response: NextNoticeNumber,
    run: ({ actor, params, query }) => nextNoticeNumber(ctx, { actor, estateId: params.estateId, at: query.at }),
  });
  api.post(
    '/estates/:estateId/rectification-notices',
    {
      config: { ability: 'notice.issue' },
      schema: {
        operationId: 'issueRectificationNotice',
        tags,
        summary: 'R-RC-1, R-RC-2: issue the written notice for a problem found; numbered gap-free per estate and year',
        description:
          'Answers 201 with the notice issued. A finding has one live (not voided) notice: asking again answers 200 with that notice and takes no number. ' +
          'Send an `Idempotency-Key` header (a UUID generated once per form) so that a retried or double-clicked request answers 200 with the notice the first one issued instead of a second number; the same key for another finding is refused (422 `request.idempotency_key_reused`).',
        params: EstateParams,
        headers: z.object({ [IDEMPOTENCY_HEADER]: IdempotencyKey.optional() }),
        body: IssueNoticeBody,
        response: { 200: RectificationNotice, ...createdResponses(RectificationNotice) },
      },
    },
    async (req, reply) => {
      const { notice, created } = await issueRectificationNoticeOutcome(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        body: req.body,
        idempotencyKey: req.headers[IDEMPOTENCY_HEADER],
      });
      return reply.status(created ? 201 : 200).send(notice);
    },
  );
  operation(api, {
    method: 'get',
    url: '/rectification-notices/:rectificationNoticeId',
    ability: 'notice.read',
    operationId: 'getRectificationNotice',
    tags,
    params: NoticeParams,
    response: RectificationNotice,
    run: ({ actor, params }) => getRectificationNotice(ctx, { actor, noticeId: params.rectificationNoticeId }),
  });
  api.get(
    '/rectification-notices/:rectificationNoticeId/pdf',
    {
      config: { ability: 'notice.read' },
      schema: {
        operationId: 'getRectificationNoticePdf',
        tags,
        summary: 'The notice as one A4 page of PDF with signature lines',
        params: NoticeParams,
        querystring: z.strictObject({ locale: z.enum(['zh-Hant', 'zh-Hans', 'en']).optional() }),
        response: { 200: { description: 'One A4 page', content: { 'application/pdf': { schema: z.string() } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const asked = { actor: actorOf(req), noticeId: req.params.rectificationNoticeId, locale: req.query.locale };
      const { code, pdf } = await rectificationNoticePdf(ctx, asked);
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="rectification-${code}.pdf"`)
        .send(pdf as unknown as string);
    },
  );
  const noticeActions: {
    path: string;
    operationId: string;
    ability: FollowUpAbility;
    summary: string;
    body: z.ZodType;
    run: (c: AppContext, o: { actor: Actor; noticeId: string; body: never }) => Promise<RectificationNotice>;
  }[] = [
    {
      path: 'acknowledge',
      operationId: 'acknowledgeRectificationNotice',
      ability: 'notice.acknowledge',
      summary: 'R-RC-2: the recipient acknowledges receipt (or the office records the signed copy)',
      body: AcknowledgeNoticeBody,
      run: acknowledgeRectificationNotice,
    },
    {
      path: 'rectified',
      operationId: 'markRectified',
      ability: 'notice.rectified',
      summary: 'R-RC-3: the rectification is done; a new follow-up is scheduled by R-FU-1 for the same repair class',
      body: MarkRectifiedBody,
      run: markRectified,
    },
    {
      path: 'void',
      operationId: 'voidRectificationNotice',
      ability: 'notice.void',
      summary: 'Void a notice with a reason; it keeps its number and stays on record',
      body: VoidNoticeBody,
      run: voidRectificationNotice,
    },
  ];
  for (const action of noticeActions) {
    operation(api, {
      method: 'post',
      url: `/rectification-notices/:rectificationNoticeId/${action.path}`,
      ability: action.ability,
      operationId: action.operationId,
      tags,
      summary: action.summary,
      params: NoticeParams,
      body: action.body,
      response: RectificationNotice,
      run: ({ actor, params, body }) => action.run(ctx, { actor, noticeId: params.rectificationNoticeId, body: body as never }),
    });
  }

  // ------------------------------------------------------------ the monthly spot check
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/spot-checks',
    ability: 'spotcheck.read',
    operationId: 'listSpotChecks',
    tags,
    summary: 'Monthly spot checks of follow-ups (R-FU-5), newest month first',
    params: EstateParams,
    querystring: ListSpotChecksQuery,
    response: pageOf(SpotCheck),
    run: ({ actor, params, query }) => listSpotChecks(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/spot-checks/preview',
    ability: 'spotcheck.draw',
    operationId: 'previewSpotCheckDraw',
    tags,
    summary: 'R-FU-5: what drawing the month would sample, for the manager to confirm; draws nothing',
    params: EstateParams,
    querystring: SpotCheckDrawPreviewQuery,
    response: SpotCheckDrawPreview,
    run: ({ actor, params, query }) => previewSpotCheckDraw(ctx, { actor, estateId: params.estateId, month: query.month }),
  });
  api.post(
    '/estates/:estateId/spot-checks',
    {
      config: { ability: 'spotcheck.draw' },
      schema: {
        operationId: 'drawSpotCheck',
        tags,
        summary: 'R-FU-5: draw the month’s sample from a recorded seed; drawing again returns the same sample (200)',
        params: EstateParams,
        body: DrawSpotCheckBody,
        response: { 200: SpotCheck, 201: SpotCheck, ...errorResponses },
      },
    },
    async (req, reply) => {
      const drawn = await drawSpotCheck(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body });
      return reply.status(drawn.created ? 201 : 200).send(drawn.spotCheck);
    },
  );
  operation(api, {
    method: 'get',
    url: '/spot-checks/:spotCheckId',
    ability: 'spotcheck.read',
    operationId: 'getSpotCheck',
    tags,
    params: z.strictObject({ spotCheckId: Id }),
    response: SpotCheck,
    run: ({ actor, params }) => getSpotCheck(ctx, { actor, spotCheckId: params.spotCheckId }),
  });
  operation(api, {
    method: 'post',
    url: '/spot-check-items/:spotCheckItemId/verdict',
    ability: 'spotcheck.verdict',
    operationId: 'recordSpotCheckVerdict',
    tags,
    summary: 'R-FU-5: the manager’s verdict on one sampled follow-up; a discrepancy flags it and its author',
    params: z.strictObject({ spotCheckItemId: Id }),
    body: SpotVerdictBody,
    response: SpotCheck,
    run: ({ actor, params, body }) => recordSpotCheckVerdict(ctx, { actor, itemId: params.spotCheckItemId, body }),
  });
}
