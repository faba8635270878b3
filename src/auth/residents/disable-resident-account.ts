import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { type Actor, requireAbility } from '../policy.js';
import * as store from '../residents.store.js';

/**
 * R-PT-1: the counter closes a resident's portal account (moved out, lost phone): its sessions
 * end and its open codes are spent at once. A new invitation opens it again.
 */
export async function disableResidentAccount(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; accountId: string },
): Promise<{ ok: true }> {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'resident.account.disable') },
    async (uc) => {
      const account = await store.accountById(uc.trx, opts.accountId);
      if (!account || account.estate_id !== opts.estateId) throw notFound('resident account');
      if (!account.disabled_at) {
        await store.updateAccount(uc.trx, account.id, { disabled_at: uc.at, updated_at: uc.at });
        await store.retireCodes(uc.trx, account.id, 'invitation', uc.at);
        await store.retireCodes(uc.trx, account.id, 'sign_in', uc.at);
        await store.deleteResidentSessionsOf(uc.trx, account.id);
        await uc.history({
          estateId: opts.estateId,
          entityType: 'resident_account',
          entityId: account.id,
          action: 'disabled',
          after: { disabledAt: uc.at },
        });
      }
      return { ok: true as const };
    },
  );
}
