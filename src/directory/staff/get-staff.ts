import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { presentStaff } from './present-staff.js';
import { requireVisibleStaff } from './visible-staff.js';

export async function getStaff(ctx: AppContext, opts: { actor: Actor; staffId: string }) {
  await requireVisibleStaff(ctx.db, opts.actor, opts.staffId);
  const [staff] = await presentStaff(ctx.db, opts.actor, [opts.staffId]);
  if (!staff) throw notFound('staff');
  return staff;
}
