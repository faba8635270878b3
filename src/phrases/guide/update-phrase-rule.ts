import type { z } from 'zod';
import { type Actor, requireAbility, requireCompanyAbility } from '../../auth/index.js';
import type { PhraseRule, UpdatePhraseRuleBody } from '../../contract/phrases.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentRule } from '../present.js';
import { findRule, findSameRule, updateRule } from '../store.js';
import type { PhraseRuleRow } from '../tables.js';
import { duplicatePhrase, rewriteAllowed } from './access.js';

/** R-WD-1: changes or disables an estate's own rule (`phrase.write` there); the company's rules need `phrase.company.write`. */
export async function updatePhraseRule(
  ctx: AppContext,
  opts: { actor: Actor; ruleId: string; body: z.infer<typeof UpdatePhraseRuleBody> },
): Promise<PhraseRule> {
  return runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const before = await findRule(uc.trx, null, opts.ruleId);
    if (!before) throw notFound('phrase rule');
    if (before.estate_id === null) requireCompanyAbility(opts.actor, 'phrase.company.write');
    else requireAbility(opts.actor, before.estate_id, 'phrase.write', 'phrase rule');
    const b = opts.body;
    const patch = {
      ...(b.locale !== undefined && { locale: b.locale }),
      ...(b.avoid !== undefined && { avoid: b.avoid }),
      ...(b.suggestion !== undefined && { suggestion: b.suggestion }),
      ...(b.match !== undefined && { match: b.match }),
      ...(b.pattern !== undefined && { pattern: b.pattern }),
      ...(b.replacement !== undefined && { replacement: b.replacement }),
      ...(b.note !== undefined && { note: b.note }),
      ...(b.disabled !== undefined && { disabled_at: b.disabled ? (before.disabled_at ?? uc.at) : null }),
      updated_at: uc.at,
    };
    const after: PhraseRuleRow = { ...before, ...patch };
    rewriteAllowed(after.pattern, after.replacement);
    if (
      after.disabled_at === null &&
      (await findSameRule(uc.trx, { estateId: after.estate_id, locale: after.locale, avoid: after.avoid, exceptId: after.id }))
    )
      throw duplicatePhrase();
    await updateRule(uc.trx, before.id, patch);
    const wasDisabled = before.disabled_at !== null;
    const isDisabled = after.disabled_at !== null;
    const action = wasDisabled === isDisabled ? 'updated' : isDisabled ? 'disabled' : 'enabled';
    await uc.history({ estateId: before.estate_id, entityType: 'phrase_rule', entityId: before.id, action, before, after });
    return presentRule(after);
  });
}
