import { randomBytes } from 'node:crypto';
import { type Actor, requireAbility } from '../../auth/index.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { runUseCase } from '../../platform/use-case.js';
import { pbxSettingsRow, savePbxSettings } from '../store/settings.js';

/**
 * R-PH-5: a new signing secret for the PBX's call events (32 random bytes, base64url), answered
 * this once; the old one stops verifying at once. History records that it changed, never the secret.
 */
export async function makePbxSecret(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'pbx.manage');
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const estate = await estateSettings(uc.trx, opts.estateId);
    const before = await pbxSettingsRow(uc.trx, estate.id);
    const secret = randomBytes(32).toString('base64url');
    await savePbxSettings(uc.trx, {
      estate_id: estate.id,
      secret,
      secret_set_at: uc.at,
      csv_mapping: before?.csv_mapping ?? null,
      updated_at: uc.at,
    });
    await uc.history({
      estateId: estate.id,
      entityType: 'pbx_settings',
      entityId: estate.id,
      action: 'secret_made',
      before: { hasSecret: Boolean(before?.secret), secretSetAt: before?.secret_set_at ?? null },
      after: { hasSecret: true, secretSetAt: uc.at },
    });
    return { secret, setAt: uc.at };
  });
}
