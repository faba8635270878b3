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
    pattern: z
      .string()
      .nullable()
      .describe('The whole phrase to rewrite, as a regular expression with named parts; null: the words to avoid'),
    replacement: z
      .string()
      .nullable()
      .describe('What replaces the phrase: {name} puts a part back, [A|B] is A when its parts were found, else B'),
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
  pattern: Text(500).nullable().optional(),
  replacement: Text(300).nullable().optional(),
  note: Text(300).nullable().optional(),
  scope: PhraseScope.default('estate').describe('company: admin only, in force for every estate'),
});
export const UpdatePhraseRuleBody = z.strictObject({
  locale: Locale.optional(),
  avoid: Text(100).optional(),
  suggestion: Text(300).optional(),
  match: PhraseMatchMode.optional(),
  pattern: Text(500).nullable().optional(),
  replacement: Text(300).nullable().optional(),
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
    start: z.number().int().describe('UTF-16 index of the first character of the phrase to rewrite in the text sent'),
    end: z.number().int().describe('UTF-16 index just past its last character'),
    text: z.string().describe('The phrase to rewrite, as written (for a rule with a pattern, the whole phrase in its clause)'),
    avoid: z.string(),
    suggestion: z.string().describe("The guide's wording, in the script of the text where the rule is Chinese"),
    replacement: z.string().describe('What replaces `text` (start to end) in this sentence'),
    sentence: z.string().describe('The sentence the phrase is in, as written'),
    preview: z.string().describe('That sentence with this suggestion put in'),
    note: z.string().nullable(),
    ruleId: Id,
    locale: Locale,
  })
  .meta({ id: 'PhraseMatch' });
export type PhraseMatch = z.infer<typeof PhraseMatch>;

export const PhraseCheck = z
  .object({
    matches: z.array(PhraseMatch).describe('In text order; a warning only, nothing is refused'),
    revised: z.string().describe('The text with every suggestion put in, one after the other'),
    remaining: z.number().int().describe('What the guide still finds in the revised text'),
  })
  .meta({ id: 'PhraseCheck' });
export type PhraseCheck = z.infer<typeof PhraseCheck>;

/** R-WD-2: what the guide found in one field of a text a resident will read, answered by the write that took it. */
export const PhraseWarning = z
  .object({
    field: z.string().describe('The body field, e.g. content'),
    matches: z.array(PhraseMatch),
  })
  .meta({ id: 'PhraseWarning' });
export type PhraseWarning = z.infer<typeof PhraseWarning>;
export const PhraseWarnings = z
  .array(PhraseWarning)
  .describe('R-WD-2: phrases to avoid left in the words sent to the resident; a warning only, the write was done');
