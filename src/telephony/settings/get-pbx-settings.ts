import { type Actor, requireAbility } from '../../auth/index.js';
import type { PbxSettings } from '../../contract/telephony.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { extensionsOf } from '../store/extensions.js';
import { pbxSettingsRow } from '../store/settings.js';
import { presentPbxSettings } from './present.js';

/** R-PH-5: the estate's PBX settings: its extensions and who answers each, the CSV mapping, whether a secret is set. */
export async function getPbxSettings(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<PbxSettings> {
  requireAbility(opts.actor, opts.estateId, 'pbx.manage');
  const estate = await estateSettings(ctx.db, opts.estateId);
  return presentPbxSettings(estate, await pbxSettingsRow(ctx.db, estate.id), await extensionsOf(ctx.db, estate.id));
}
