import { type Actor, requireAbility } from '../../auth/index.js';
import type { PbxCall } from '../../contract/telephony.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { presentPbxCall } from '../present.js';
import { pbxCallById } from '../store/calls.js';

/** One call as the PBX reported it; another estate's call answers 404. */
export async function getPbxCall(ctx: AppContext, opts: { actor: Actor; estateId: string; pbxCallId: string }): Promise<PbxCall> {
  requireAbility(opts.actor, opts.estateId, 'pbx.read', 'pbx call');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const row = await pbxCallById(ctx.db, estate.id, opts.pbxCallId);
  if (!row) throw notFound('pbx call');
  return presentPbxCall(row, estate.policy.answerWithinSeconds);
}
