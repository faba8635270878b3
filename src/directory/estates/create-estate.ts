import type { z } from 'zod';
import { type Actor, requireCompanyAbility } from '../../auth/index.js';
import { type CreateEstateBody, defaultPolicy } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { insertStandardDepartments } from '../departments/standard-departments.js';
import { insertEstate } from '../estates.store.js';
import { presentEstate } from '../present.js';

/** An admin adds an estate; it starts with the five standard departments. */
export async function createEstate(ctx: AppContext, opts: { actor: Actor; body: z.infer<typeof CreateEstateBody> }) {
  const id = newId();
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireCompanyAbility(opts.actor, 'estate.create'), duplicateField: 'code' },
    async (uc) => {
      const row = {
        id,
        code: opts.body.code.toUpperCase(),
        name: opts.body.name,
        address: opts.body.address,
        time_zone: opts.body.timeZone,
        office_name: opts.body.officeName,
        policy: JSON.stringify(opts.body.policy ?? defaultPolicy()),
        created_at: uc.at,
        updated_at: uc.at,
      };
      await insertEstate(uc.trx, row);
      await uc.history({ estateId: id, entityType: 'estate', entityId: id, action: 'created', before: null, after: row });
      await insertStandardDepartments(uc, { estateId: id });
      return presentEstate(row);
    },
  );
}
