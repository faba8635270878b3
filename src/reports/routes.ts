import { z } from 'zod';
import { actorOf } from '../auth/index.js';
import { Id, Instant } from '../contract/common.js';
import { FollowUpSummary } from '../contract/followups.js';
import { FrontDeskSummary } from '../contract/frontdesk.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { okResponses } from '../platform/http/errors.js';
import { followUpSummary } from './dashboard/follow-up-summary.js';
import { frontDeskSummary } from './dashboard/front-desk-summary.js';

const EstateParams = z.strictObject({ estateId: Id });
const AsOfQuery = z.strictObject({ asOf: Instant.optional() });

/** The dashboard's figures; the monthly report and the head office's comparison will join them. */
export function registerReportRoutes(api: App, ctx: AppContext): void {
  api.get(
    '/estates/:estateId/follow-ups/summary',
    {
      config: { ability: 'followup.read' },
      schema: {
        operationId: 'getFollowUpSummary',
        tags: ['follow-ups'],
        summary: 'For the dashboard: follow-ups due and overdue by class, leaks awaiting rain, notices, the spot check',
        params: EstateParams,
        querystring: AsOfQuery,
        response: okResponses(FollowUpSummary),
      },
    },
    async (req) =>
      followUpSummary(ctx, { actor: actorOf(req), estateId: req.params.estateId, ...(req.query.asOf && { asOf: req.query.asOf }) }),
  );
  api.get(
    '/estates/:estateId/front-desk/summary',
    {
      config: { ability: 'desk.summary' },
      schema: {
        operationId: 'getFrontDeskSummary',
        tags: ['front desk'],
        summary: 'For the dashboard: calls and visits today, messages waiting, call-backs due and overdue, waits at the counter',
        params: EstateParams,
        querystring: AsOfQuery,
        response: okResponses(FrontDeskSummary),
      },
    },
    async (req) => frontDeskSummary(ctx, { actor: actorOf(req), estateId: req.params.estateId, asOf: req.query.asOf }),
  );
}
