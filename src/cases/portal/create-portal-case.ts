import type { z } from 'zod';
import { type Actor, PORTAL_STAFF_ID, requireAbility, residentOf } from '../../auth/index.js';
import type { PortalCaseDetail, PortalCreateCaseBody } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { unknownReference } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { recordCase } from '../intake/record-case.js';
import { getPortalCase } from './get-portal-case.js';

/**
 * R-IN-1, R-PT-1: a resident reports a case of one of their units on the portal (channel
 * `portal`). It is recorded exactly as a counter case is (number, routing, the R-CP-1 deadline of a
 * complaint, search, the staff's screens told), naming the portal as who recorded it and the
 * resident, with the name and phone the office has for them; the history names their account.
 */
export async function createPortalCase(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof PortalCreateCaseBody> },
): Promise<z.infer<typeof PortalCaseDetail>> {
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'portal.case.create');
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const me = residentOf(opts.actor);
    const b = opts.body;
    if (!me.unitIds.includes(b.unitId)) throw unknownReference('unitId');
    const id = await recordCase(uc, {
      estateId: opts.estateId,
      recordedBy: PORTAL_STAFF_ID,
      body: { ...b, channel: 'portal', residentId: me.residentId },
    });
    return getPortalCase(ctx, { actor: opts.actor, estateId: opts.estateId, caseId: id, db: uc.trx });
  });
}
