import { z } from 'zod';
import { Id, Instant, Locale, PageQuery } from './common.js';

/** R-WD-1: the phrase guide replies to residents are checked against. */
const Text = (max: number) => z.string().trim().min(1).max(max);

export const PhraseMatchMode = z
  .enum(['anywhere', 'start'])
  .describe('start: only as the opening words of a reply (an opening 喂), after any spaces or punctuation');
export type PhraseMatchMode = z.infer<typeof PhraseMatchMode>;

export const PhraseScope = z.enum(['company', 'estate']).describe("company: the company's guide, in force for every estate");
export type PhraseScope = z.infer<typeof PhraseScope>;

export const PhraseRule = z
  .object({
    id: Id,
    estateId: Id.nullable(),
    scope: PhraseScope,
    locale: Locale,
    avoid: z.string().describe('The phrase to avoid'),
    suggestion: z.string().describe('The phrase to use instead'),
    match: PhraseMatchMode,
    note: z.string().nullable().describe('Why, or when to use it'),
    disabled: z.boolean(),
    disabledAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'PhraseRule' });
export type PhraseRule = z.infer<typeof PhraseRule>;

export const CreatePhraseRuleBody = z.strictObject({
  locale: Locale,
  avoid: Text(100),
  suggestion: Text(300),
  match: PhraseMatchMode.default('anywhere'),
  note: Text(300).nullable().optional(),
  scope: PhraseScope.default('estate').describe('company: admin only, in force for every estate'),
});
export const UpdatePhraseRuleBody = z.strictObject({
  locale: Locale.optional(),
  avoid: Text(100).optional(),
  suggestion: Text(300).optional(),
  match: PhraseMatchMode.optional(),
  note: Text(300).nullable().optional(),
  disabled: z.boolean().optional().describe('A disabled rule is no longer checked; it stays listed'),
});

export const ListPhraseRulesQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches the phrase to avoid, the suggestion or the note'),
  locale: Locale.optional(),
  scope: PhraseScope.optional(),
});

export const CheckPhrasesBody = z.strictObject({
  text: z.string().max(20_000).describe('The reply as written so far'),
});

export const PhraseMatch = z
  .object({
    start: z.number().int().describe('UTF-16 index of the first character in the text sent'),
    end: z.number().int().describe('UTF-16 index just past the last character'),
    text: z.string().describe('The matched words, as written'),
    avoid: z.string(),
    suggestion: z.string().describe('In the script of the text where the rule is Chinese'),
    note: z.string().nullable(),
    ruleId: Id,
    locale: Locale,
  })
  .meta({ id: 'PhraseMatch' });
export type PhraseMatch = z.infer<typeof PhraseMatch>;

export const PhraseCheck = z
  .object({ matches: z.array(PhraseMatch).describe('In text order; a warning only, nothing is refused') })
  .meta({ id: 'PhraseCheck' });
export type PhraseCheck = z.infer<typeof PhraseCheck>;
