import type { z } from 'zod';
import { type Actor, requireAbility, requireCompanyAbility, requireEstate } from '../../auth/index.js';
import type { CreatePhraseRuleBody, PhraseRule } from '../../contract/phrases.js';
import { findEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { presentRule } from '../present.js';
import { findSameRule, insertRule } from '../store.js';
import type { PhraseRuleRow } from '../tables.js';
import { duplicatePhrase, rewriteAllowed } from './access.js';

/** R-WD-1: an estate's manager adds to its guide; the company's guide, in force for every estate, needs `phrase.company.write`. */
export async function createPhraseRule(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreatePhraseRuleBody> },
): Promise<PhraseRule> {
  const b = opts.body;
  const authorise = () => {
    if (b.scope === 'company') {
      requireEstate(opts.actor, opts.estateId);
      requireCompanyAbility(opts.actor, 'phrase.company.write');
    } else requireAbility(opts.actor, opts.estateId, 'phrase.write');
  };
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    if (!(await findEstate(uc.trx, opts.estateId))) throw notFound('estate');
    const estateId = b.scope === 'company' ? null : opts.estateId;
    rewriteAllowed(b.pattern, b.replacement);
    if (await findSameRule(uc.trx, { estateId, locale: b.locale, avoid: b.avoid })) throw duplicatePhrase();
    const row: PhraseRuleRow = {
      id: newId(),
      estate_id: estateId,
      locale: b.locale,
      avoid: b.avoid,
      suggestion: b.suggestion,
      match: b.match,
      pattern: b.pattern ?? null,
      replacement: b.pattern ? (b.replacement ?? null) : null,
      note: b.note ?? null,
      disabled_at: null,
      created_at: uc.at,
      updated_at: uc.at,
    };
    await insertRule(uc.trx, row);
    await uc.history({ estateId, entityType: 'phrase_rule', entityId: row.id, action: 'created', after: row });
    return presentRule(row);
  });
}
