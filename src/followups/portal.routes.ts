import { z } from 'zod';
import { operation } from '../auth/index.js';
import { Id } from '../contract/common.js';
import { PortalFollowUp, PortalScoreBody } from '../contract/portal.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { scoreFollowUp } from './portal/score-follow-up.js';

/** The residents' portal (R-PT-1): a resident scores a follow-up visit of their own case. */
export function registerPortalFollowUpRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/portal/follow-ups/:followUpId/score',
    ability: 'portal.followup.score',
    operationId: 'scorePortalFollowUp',
    tags: ['portal'],
    summary: 'Score a follow-up visit of your case, 1 to 5 with a comment, once it has been made (R-PT-1)',
    params: z.strictObject({ estateId: Id, followUpId: Id }),
    body: PortalScoreBody,
    response: PortalFollowUp,
    run: ({ actor, params, body }) => scoreFollowUp(ctx, { actor, estateId: params.estateId, followUpId: params.followUpId, body }),
  });
}
