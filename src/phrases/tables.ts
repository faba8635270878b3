import type { Insertable, Selectable } from 'kysely';

/** R-WD-1: a phrase to avoid in replies to residents and the phrase to use instead. */
export interface PhraseRuleTable {
  id: string;
  /** null: the company's guide, in force for every estate. */
  estate_id: string | null;
  locale: string;
  avoid: string;
  suggestion: string;
  match: string;
  /** The whole phrase to rewrite (a regular expression with named parts); null: the words of `avoid`. */
  pattern: string | null;
  /** What replaces the phrase the pattern found; null: `suggestion`. */
  replacement: string | null;
  note: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export type PhraseRuleRow = Selectable<PhraseRuleTable>;
export type NewPhraseRule = Insertable<PhraseRuleTable>;

declare module '../platform/db/schema.js' {
  interface Database {
    phrase_rules: PhraseRuleTable;
  }
}
