import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { PortalCaseDetail } from '../../contract/portal.js';
import { portalFollowUpsOfCase } from '../../followups/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type CaseAbility, caseFor } from '../access.js';
import { attachmentsOfCase } from '../attachments/attachments.store.js';
import { caseEvents } from '../store.js';
import { presentPortalDetail } from './present.js';

/**
 * The case of the resident's unit behind an id of the portal's address (R-PT-1): another unit's,
 * another estate's or a missing one all answer 404 alike.
 */
export async function portalCaseFor(db: AppContext['db'], actor: Actor, estateId: string, caseId: string, ability: CaseAbility) {
  const row = await caseFor(db, actor, caseId, ability);
  if (row.estate_id !== estateId) throw notFound('case');
  return row;
}

/** R-PT-1: a case as its resident follows it: status, replies, the repair, the result, follow-ups and photos. */
export async function getPortalCase(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; caseId: string; db?: AppContext['db'] },
): Promise<z.infer<typeof PortalCaseDetail>> {
  const db = opts.db ?? ctx.db;
  const row = await portalCaseFor(db, opts.actor, opts.estateId, opts.caseId, 'portal.case.read');
  const [events, attachments, followUps] = await Promise.all([
    caseEvents(db, row.estate_id, row.id),
    attachmentsOfCase(db, row.estate_id, row.id),
    portalFollowUpsOfCase(db, row.estate_id, row.id),
  ]);
  return presentPortalDetail(row, { events, attachments, followUps });
}
