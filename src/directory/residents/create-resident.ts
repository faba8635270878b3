import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CreateResidentBody } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentResident } from '../present.js';
import { insertResident } from '../residents.store.js';
import { preferenceColumns } from '../rules.js';
import { findEstate, unitsOfResidents } from '../store.js';
import { linkUnits } from './link-units.js';

export async function createResident(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateResidentBody> }) {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'resident.write') },
    async (uc) => {
      if (!(await findEstate(uc.trx, opts.estateId))) throw notFound('estate');
      const b = opts.body;
      const row = {
        id: newId(),
        estate_id: opts.estateId,
        name: b.name,
        phone: b.phone ?? null,
        phone_alt: b.phoneAlt ?? null,
        email: b.email ?? null,
        kind: b.kind,
        title: b.title ?? null,
        locale: 'zh-Hant',
        notify_channel: null,
        sms_opt_out: 0,
        email_opt_out: 0,
        portal_opt_out: 0,
        ...preferenceColumns(b),
        created_at: uc.at,
        updated_at: uc.at,
      };
      await insertResident(uc.trx, row);
      await linkUnits(uc.trx, opts.estateId, row.id, b.unitIds);
      await uc.history({
        estateId: opts.estateId,
        entityType: 'resident',
        entityId: row.id,
        action: 'created',
        before: null,
        after: { ...row, unitIds: b.unitIds },
      });
      return presentResident(row, await unitsOfResidents(uc.trx, [row.id]));
    },
  );
}
