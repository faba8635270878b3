import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { likePattern } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import type { NewPhraseRule, PhraseRuleRow } from './tables.js';

/** Queries of the phrase guide. Every function takes the estate: its own rules and the company's are in force there. */
type Db = Kysely<Database> | Transaction<Database>;

/** The company's rules and the estate's own. */
function inForceAt(db: Db, estateId: string): SelectQueryBuilder<Database, 'phrase_rules', object> {
  return db.selectFrom('phrase_rules').where((eb) => eb.or([eb('estate_id', 'is', null), eb('estate_id', '=', estateId)]));
}

/** The enabled rules a reply written in this estate is checked against. */
export async function enabledRules(db: Db, estateId: string): Promise<PhraseRuleRow[]> {
  return inForceAt(db, estateId).selectAll().where('disabled_at', 'is', null).orderBy('id').execute();
}

export interface RuleFilters {
  q?: string | undefined;
  locale?: string | undefined;
  scope?: 'company' | 'estate' | undefined;
}

export async function listRules(
  db: Db,
  estateId: string,
  filters: RuleFilters,
  paging: { page: number; pageSize: number },
): Promise<{ rows: PhraseRuleRow[]; total: number }> {
  let base = inForceAt(db, estateId);
  if (filters.q) {
    // Case-insensitive on both engines, for the English guide.
    const like = likePattern(filters.q.toLowerCase());
    base = base.where((eb) =>
      eb.or([
        eb(eb.fn<string>('lower', ['avoid']), 'like', like),
        eb(eb.fn<string>('lower', ['suggestion']), 'like', like),
        eb(eb.fn<string>('lower', ['note']), 'like', like),
      ]),
    );
  }
  if (filters.locale) base = base.where('locale', '=', filters.locale);
  if (filters.scope === 'company') base = base.where('estate_id', 'is', null);
  if (filters.scope === 'estate') base = base.where('estate_id', '=', estateId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    // The company's guide first, then the estate's additions; each Traditional, Simplified, English, then by phrase.
    .orderBy(sql`case when estate_id is null then 0 else 1 end`)
    .orderBy(sql`case locale when 'zh-Hant' then 0 when 'zh-Hans' then 1 else 2 end`)
    .orderBy('avoid')
    .orderBy('id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** A rule by id; with an estate, only a rule in force there (the company's or that estate's). */
export async function findRule(db: Db, estateId: string | null, ruleId: string): Promise<PhraseRuleRow | undefined> {
  const q = estateId ? inForceAt(db, estateId) : db.selectFrom('phrase_rules');
  return q.selectAll().where('id', '=', ruleId).executeTakeFirst();
}

/** An enabled rule with the same words, language and owner, so the guide does not hold a pair twice. */
export async function findSameRule(
  db: Db,
  rule: { estateId: string | null; locale: string; avoid: string; exceptId?: string },
): Promise<PhraseRuleRow | undefined> {
  let q = db
    .selectFrom('phrase_rules')
    .selectAll()
    .where('locale', '=', rule.locale)
    .where('avoid', '=', rule.avoid)
    .where('disabled_at', 'is', null);
  q = rule.estateId ? q.where('estate_id', '=', rule.estateId) : q.where('estate_id', 'is', null);
  if (rule.exceptId) q = q.where('id', '!=', rule.exceptId);
  return q.executeTakeFirst();
}

export async function insertRule(trx: Transaction<Database>, row: PhraseRuleRow): Promise<void> {
  await trx.insertInto('phrase_rules').values(row).execute();
}

export async function updateRule(trx: Transaction<Database>, ruleId: string, patch: Partial<Omit<PhraseRuleRow, 'id'>>): Promise<void> {
  await trx.updateTable('phrase_rules').set(patch).where('id', '=', ruleId).execute();
}

/** The ids among `ids` that the guide holds already, enabled or not (the company's seed pairs). */
export async function existingRuleIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('phrase_rules')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Inserts the rules whose ids are not taken yet (by another process meanwhile); returns the ids inserted. */
export async function insertMissingRules(trx: Transaction<Database>, rows: NewPhraseRule[]): Promise<string[]> {
  const inserted = await trx
    .insertInto('phrase_rules')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** The company's rows among `ids` with no pattern that nobody has changed since they were put in (seed rows to upgrade). */
export async function untouchedSeedRowsWithoutPattern(trx: Transaction<Database>, ids: readonly string[]): Promise<PhraseRuleRow[]> {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('phrase_rules')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('estate_id', 'is', null)
    .where('pattern', 'is', null)
    .where('disabled_at', 'is', null)
    .whereRef('updated_at', '=', 'created_at')
    .execute();
}

/** Upgrades a seed row only if it is still as read (another process may have done it meanwhile); whether it did. */
export async function upgradeUntouchedSeedRow(
  trx: Transaction<Database>,
  ruleId: string,
  updatedAt: string,
  patch: Partial<Omit<PhraseRuleRow, 'id'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('phrase_rules')
    .set(patch)
    .where('id', '=', ruleId)
    .where('updated_at', '=', updatedAt)
    .where('pattern', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
