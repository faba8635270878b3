import type { z } from 'zod';
import { type Actor, type EstateAbility, requireAbility } from '../../auth/index.js';
import type { ResidentPreferencesBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentResident } from '../present.js';
import { updateResidentRow } from '../residents.store.js';
import { preferenceColumns } from '../rules.js';
import { findResident, unitsOfResidents } from '../store.js';

/**
 * R-CP-5: sets how a resident is told of their cases' progress: language, channel (null:
 * automatic) and the channels they refuse. The office checks `resident.write`; a caller acting
 * for the resident names the ability it holds instead.
 */
export async function setResidentPreferences(
  ctx: AppContext,
  opts: { actor: Actor; residentId: string; body: z.infer<typeof ResidentPreferencesBody>; ability?: EstateAbility },
) {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const before = await findResident(uc.trx, null, opts.residentId);
    if (!before) throw notFound('resident');
    requireAbility(opts.actor, before.estate_id, opts.ability ?? 'resident.write', 'resident');
    const patch = { ...preferenceColumns(opts.body), updated_at: uc.at };
    await updateResidentRow(uc.trx, before.id, patch);
    const after = { ...before, ...patch };
    await uc.history({ estateId: before.estate_id, entityType: 'resident', entityId: before.id, action: 'preferences', before, after });
    return presentResident(after, await unitsOfResidents(uc.trx, [before.id]));
  });
}
