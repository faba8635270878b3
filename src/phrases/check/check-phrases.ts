import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { CheckPhrasesBody, PhraseCheck } from '../../contract/phrases.js';
import type { AppContext } from '../../platform/context.js';
import { requireEstateRecord } from '../guide/access.js';
import { ruleInput } from '../present.js';
import { findPhrases, revise } from '../rules.js';
import { enabledRules } from '../store.js';

/** R-WD-1: a text for a resident is checked against the company's guide and the estate's own rules; the answer warns, it never refuses. */
export async function checkPhrases(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CheckPhrasesBody> },
): Promise<PhraseCheck> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'phrase.check');
  const rules = (await enabledRules(ctx.db, opts.estateId)).map(ruleInput);
  const options = { locale: opts.actor.locale };
  const { revised, remaining } = revise(opts.body.text, rules, options);
  return { matches: findPhrases(opts.body.text, rules, options), revised, remaining: remaining.length };
}
