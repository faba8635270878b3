import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import { EstatePolicy, type UpdateEstateBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { emit } from '../../platform/events.js';
import { runUseCase } from '../../platform/use-case.js';
import { updateEstateRow } from '../estates.store.js';
import { presentEstate } from '../present.js';
import { findEstate } from '../store.js';

/** A manager changes the estate's details and its policy settings. */
export async function updateEstate(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof UpdateEstateBody> }) {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'estate.configure') },
    async (uc) => {
      const before = await findEstate(uc.trx, opts.estateId);
      if (!before) throw notFound('estate');
      const b = opts.body;
      const patch = {
        ...(b.name !== undefined && { name: b.name }),
        ...(b.address !== undefined && { address: b.address }),
        ...(b.timeZone !== undefined && { time_zone: b.timeZone }),
        ...(b.officeName !== undefined && { office_name: b.officeName }),
        ...(b.policy !== undefined && { policy: JSON.stringify(EstatePolicy.parse(b.policy)) }),
        updated_at: uc.at,
      };
      await updateEstateRow(uc.trx, opts.estateId, patch);
      // Whoever states the estate's deadlines (the public page, R-PB-1) learns they changed, in this transaction.
      if (patch.policy !== undefined && patch.policy !== before.policy)
        await emit(uc.trx, ctx, 'estatePolicyChanged', { estateId: opts.estateId, actorId: opts.actor.id, at: uc.at });
      const after = { ...before, ...patch };
      await uc.history({ estateId: opts.estateId, entityType: 'estate', entityId: opts.estateId, action: 'updated', before, after });
      return presentEstate(after);
    },
  );
}
