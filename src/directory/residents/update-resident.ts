import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { UpdateResidentBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentResident } from '../present.js';
import { updateResidentRow } from '../residents.store.js';
import { preferenceColumns } from '../rules.js';
import { findResident, unitsOfResidents } from '../store.js';
import { linkUnits } from './link-units.js';

export async function updateResident(
  ctx: AppContext,
  opts: { actor: Actor; residentId: string; body: z.infer<typeof UpdateResidentBody> },
) {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const before = await findResident(uc.trx, null, opts.residentId);
    if (!before) throw notFound('resident');
    requireAbility(opts.actor, before.estate_id, 'resident.write', 'resident');
    const b = opts.body;
    const beforeUnits = (await unitsOfResidents(uc.trx, [before.id])).map((u) => u.id);
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.phone !== undefined && { phone: b.phone }),
      ...(b.phoneAlt !== undefined && { phone_alt: b.phoneAlt }),
      ...(b.email !== undefined && { email: b.email }),
      ...(b.kind !== undefined && { kind: b.kind }),
      ...(b.title !== undefined && { title: b.title }),
      ...preferenceColumns(b),
      updated_at: uc.at,
    };
    await updateResidentRow(uc.trx, before.id, patch);
    if (b.unitIds) await linkUnits(uc.trx, before.estate_id, before.id, b.unitIds);
    const after = { ...before, ...patch };
    await uc.history({
      estateId: before.estate_id,
      entityType: 'resident',
      entityId: before.id,
      action: 'updated',
      before: { ...before, unitIds: beforeUnits },
      after: { ...after, unitIds: b.unitIds ?? beforeUnits },
    });
    return presentResident(after, await unitsOfResidents(uc.trx, [before.id]));
  });
}
