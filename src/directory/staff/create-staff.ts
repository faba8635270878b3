import type { z } from 'zod';
import { type Actor, hashPassword } from '../../auth/index.js';
import type { CreateStaffBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { getStaff } from './get-staff.js';
import { insertStaff } from './insert-staff.js';
import { addMemberships, checkMemberships, checkRoleGrant, membershipRole } from './memberships.js';

/** An admin or a manager adds a staff account with the estates the person works for. */
export async function createStaff(ctx: AppContext, opts: { actor: Actor; body: z.infer<typeof CreateStaffBody> }) {
  const b = opts.body;
  // `staff.write` is checked in every estate of the new person (checkMemberships): an estate the
  // caller does not work for is an unknown reference, one they do not manage answers 403.
  checkRoleGrant(opts.actor, b.role);
  const passwordHash = await hashPassword(b.password, ctx.config.passwordHashCost);
  const id = newId();
  await runUseCase(ctx, { actorId: opts.actor.id, duplicateField: 'username' }, async (uc) => {
    await checkMemberships(uc.trx, opts.actor, b.estates);
    await insertStaff(uc.trx, {
      staff: {
        id,
        username: b.username,
        name: b.name,
        surname: b.surname,
        role: b.role,
        email: b.email,
        phone: b.phone,
        locale: b.locale,
        passwordHash,
      },
      actorId: opts.actor.id,
      at: uc.at,
      extra: { estates: b.estates.map((m) => ({ ...m, role: membershipRole(m, b.role) })) },
    });
    await addMemberships(uc.trx, id, b.estates, b.role);
  });
  return getStaff(ctx, { actor: opts.actor, staffId: id });
}
