import { type Actor, can, forbidden } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { presentStaff } from './present-staff.js';
import { requireVisibleStaff } from './visible-staff.js';

/** A staff member, for someone who may read the staff of an estate they share (a resident reads no staff record). */
export async function getStaff(ctx: AppContext, opts: { actor: Actor; staffId: string }) {
  const { actor } = opts;
  await requireVisibleStaff(ctx.db, actor, opts.staffId);
  if (!actor.allEstates && !actor.estateIds.some((estateId) => can(actor, estateId, 'staff.read')))
    throw forbidden('staff.read', actor.role);
  const [staff] = await presentStaff(ctx.db, opts.actor, [opts.staffId]);
  if (!staff) throw notFound('staff');
  return staff;
}
