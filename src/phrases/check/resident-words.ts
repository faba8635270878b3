import type { Kysely, Transaction } from 'kysely';
import type { PhraseWarning } from '../../contract/phrases.js';
import type { Database } from '../../platform/db/schema.js';
import { ruleInput } from '../present.js';
import { findPhrases } from '../rules.js';
import { enabledRules } from '../store.js';

/**
 * R-WD-2: the words of a write that a resident will read (a reply, a handling result, a
 * follow-up's record, a call-back, a notice), checked against the estate's guide as the write
 * is made, in the writer's transaction. Returns, per field, what the guide still finds; it warns,
 * it never refuses: the write goes ahead and answers with these.
 */
export async function checkResidentWords(
  db: Kysely<Database> | Transaction<Database>,
  opts: { estateId: string; locale?: string | undefined; fields: Record<string, string | null | undefined> },
): Promise<PhraseWarning[]> {
  const texts = Object.entries(opts.fields).filter((e): e is [string, string] => Boolean(e[1]?.trim()));
  if (texts.length === 0) return [];
  const rules = (await enabledRules(db, opts.estateId)).map(ruleInput);
  return texts
    .map(([field, text]) => ({ field, matches: findPhrases(text, rules, { locale: opts.locale }) }))
    .filter((w) => w.matches.length > 0);
}

/** What a record keeps of the warnings: the words, the guide's pair and the suggested sentence, per field. */
export function warningsToKeep(warnings: readonly PhraseWarning[]) {
  return warnings.map((w) => ({
    field: w.field,
    matches: w.matches.map((m) => ({ text: m.text, avoid: m.avoid, replacement: m.replacement, ruleId: m.ruleId })),
  }));
}
