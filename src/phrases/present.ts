import type { Locale } from '../contract/common.js';
import type { PhraseMatchMode, PhraseRule } from '../contract/phrases.js';
import type { PhraseRuleInput } from './rules.js';
import type { PhraseRuleRow } from './tables.js';

export function presentRule(row: PhraseRuleRow): PhraseRule {
  return {
    id: row.id,
    estateId: row.estate_id,
    scope: row.estate_id ? 'estate' : 'company',
    locale: row.locale as Locale,
    avoid: row.avoid,
    suggestion: row.suggestion,
    match: row.match as PhraseMatchMode,
    pattern: row.pattern,
    replacement: row.replacement,
    note: row.note,
    disabled: row.disabled_at !== null,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A rule as the pure check reads it. */
export function ruleInput(row: PhraseRuleRow): PhraseRuleInput {
  return {
    id: row.id,
    locale: row.locale as Locale,
    avoid: row.avoid,
    suggestion: row.suggestion,
    match: row.match as PhraseMatchMode,
    pattern: row.pattern,
    replacement: row.replacement,
    note: row.note,
    estateId: row.estate_id,
  };
}
