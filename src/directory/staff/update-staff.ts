import type { z } from 'zod';
import { type Actor, can, endSessionsOf, forbidden, roleIn, seesEstate } from '../../auth/index.js';
import type { EstateRole, Role, UpdateStaffBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { deleteMemberships, setRoleEverywhere, updateStaffRow } from '../staff.store.js';
import { membershipsOf } from '../store.js';
import { getStaff } from './get-staff.js';
import { addMemberships, checkMemberships, checkRoleGrant, type Membership } from './memberships.js';
import { requireVisibleStaff } from './visible-staff.js';

/**
 * Changing someone is done estate by estate: the caller changes memberships only in estates
 * where they manage staff, and what touches the whole account (the company-level role, being
 * disabled) only when they manage every estate the person works for. So a manager of one
 * estate can never grant, change or use a power in another.
 */
export async function updateStaff(ctx: AppContext, opts: { actor: Actor; staffId: string; body: z.infer<typeof UpdateStaffBody> }) {
  const b = opts.body;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const { trx, at } = uc;
    const before = await requireVisibleStaff(trx, opts.actor, opts.staffId);
    const beforeMemberships = await membershipsOf(trx, [before.id]);
    const managed = beforeMemberships.filter((m) => can(opts.actor, m.estate_id, 'staff.write'));
    if (!opts.actor.allEstates && managed.length === 0) {
      const shared = beforeMemberships.find((m) => seesEstate(opts.actor, m.estate_id));
      throw forbidden('staff.write', shared ? roleIn(opts.actor, shared.estate_id) : undefined);
    }
    const managesAll = opts.actor.allEstates || managed.length === beforeMemberships.length;
    // Only an admin may change an admin, or make one.
    if (before.role === 'admin') checkRoleGrant(opts.actor, 'admin');
    if (b.role) checkRoleGrant(opts.actor, b.role);
    if (b.role !== undefined && b.role !== before.role && !managesAll)
      throw new AppError('auth.forbidden', 'role: this person also works for estates you do not manage', {
        field: 'role',
        ability: 'staff.write',
      });
    if (b.disabled && before.id === opts.actor.id)
      throw new AppError('validation.failed', 'disabled: you cannot disable yourself', { field: 'disabled' });
    // Disabling ends the account everywhere: only someone who manages all its estates may do it.
    if (b.disabled !== undefined && !managesAll) {
      throw new AppError('auth.forbidden', 'disabled: this person also works for estates you do not manage', {
        field: 'disabled',
        ability: 'staff.write',
      });
    }
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.surname !== undefined && { surname: b.surname }),
      ...(b.role !== undefined && { role: b.role }),
      ...(b.email !== undefined && { email: b.email }),
      ...(b.phone !== undefined && { phone: b.phone }),
      ...(b.locale !== undefined && { locale: b.locale }),
      ...(b.disabled !== undefined && { disabled_at: b.disabled ? (before.disabled_at ?? at) : null }),
      updated_at: at,
    };
    await updateStaffRow(trx, before.id, patch);
    if (b.disabled) await endSessionsOf(trx, before.id);
    // A new company-level role is the person's role in every estate (the caller manages them all).
    if (b.role !== undefined && b.role !== before.role && !b.estates && beforeMemberships.length)
      await setRoleEverywhere(trx, before.id, b.role === 'admin' ? 'manager' : b.role);
    if (b.estates) {
      await checkMemberships(trx, opts.actor, b.estates);
      // Memberships of estates the caller does not manage are left as they are.
      await deleteMemberships(
        trx,
        before.id,
        managed.map((m) => m.estate_id),
      );
      const kept = (m: Membership) =>
        m.role ??
        (b.role !== undefined ? undefined : (beforeMemberships.find((x) => x.estate_id === m.estateId)?.role as EstateRole | undefined));
      await addMemberships(
        trx,
        before.id,
        b.estates.map((m) => ({ ...m, role: kept(m) })),
        b.role ?? (before.role as Role),
      );
    }
    const afterMemberships = await membershipsOf(trx, [before.id]);
    const { password_hash: _a, ...beforeVisible } = before;
    await uc.history({
      estateId: null,
      entityType: 'staff',
      entityId: before.id,
      action: 'updated',
      before: { ...beforeVisible, estates: beforeMemberships },
      after: { ...beforeVisible, ...patch, estates: afterMemberships },
    });
  });
  return getStaff(ctx, { actor: opts.actor, staffId: opts.staffId });
}
