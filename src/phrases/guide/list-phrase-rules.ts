import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { ListPhraseRulesQuery } from '../../contract/phrases.js';
import type { AppContext } from '../../platform/context.js';
import { presentRule } from '../present.js';
import { listRules } from '../store.js';
import { requireEstateRecord } from './access.js';

/** R-WD-1: the guide in force at an estate, the company's rules first. */
export async function listPhraseRules(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListPhraseRulesQuery> },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'phrase.read');
  const { q, locale, scope, page, pageSize } = opts.query;
  const { rows, total } = await listRules(ctx.db, opts.estateId, { q, locale, scope }, { page, pageSize });
  return { items: rows.map(presentRule), total, page, pageSize };
}
