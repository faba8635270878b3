import type { z } from 'zod';
import { type Actor, requireAbility, residentOf } from '../../auth/index.js';
import type { PageQuery } from '../../contract/common.js';
import type { PortalMessagePage } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { portalMessagesFor } from '../../platform/outbox/index.js';

/**
 * R-CP-5: the progress messages the resident was sent in the portal (their case's number at
 * intake, appointments, completions, replies, closings), newest first; their own only.
 */
export async function listPortalMessages(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof PageQuery> },
): Promise<z.infer<typeof PortalMessagePage>> {
  requireAbility(opts.actor, opts.estateId, 'portal.message.read');
  const me = residentOf(opts.actor);
  if (me.estateId !== opts.estateId) throw notFound('estate');
  const { page, pageSize } = opts.query;
  const { items, total } = await portalMessagesFor(ctx.db, me.residentId, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: items.map((m) => {
      const about = (m.payload ?? {}) as { caseId?: unknown; caseNumber?: unknown };
      return {
        id: m.id,
        subject: m.subject,
        body: m.body,
        caseId: typeof about.caseId === 'string' ? about.caseId : null,
        caseNumber: typeof about.caseNumber === 'string' ? about.caseNumber : null,
        sentAt: m.sentAt,
        createdAt: m.createdAt,
      };
    }),
    total,
    page,
    pageSize,
  };
}
