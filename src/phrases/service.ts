import type { z } from 'zod';
import { type Actor, type EstateAbility, requireAbility, requireCompanyAbility, requireEstate } from '../auth/policy.js';
import type { Locale } from '../contract/common.js';
import type {
  CheckPhrasesBody,
  CreatePhraseRuleBody,
  ListPhraseRulesQuery,
  PhraseCheck,
  PhraseMatchMode,
  PhraseRule,
  UpdatePhraseRuleBody,
} from '../contract/phrases.js';
import { findEstate } from '../directory/store.js';
import type { AppContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import { findPhrases, type PhraseRuleInput } from './rules.js';
import * as store from './store.js';
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
    note: row.note,
    disabled: row.disabled_at !== null,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function ruleInput(row: PhraseRuleRow): PhraseRuleInput {
  return {
    id: row.id,
    locale: row.locale as Locale,
    avoid: row.avoid,
    suggestion: row.suggestion,
    match: row.match as PhraseMatchMode,
    note: row.note,
    estateId: row.estate_id,
  };
}

async function requireEstateRecord(ctx: AppContext, actor: Actor, estateId: string, ability: EstateAbility): Promise<void> {
  requireAbility(actor, estateId, ability);
  if (!(await findEstate(ctx.db, estateId))) throw notFound('estate');
}

function duplicate(): AppError {
  return new AppError('conflict.duplicate', 'avoid: the guide already has this phrase in this language', { field: 'avoid' });
}

/** R-WD-1: a reply is checked against the company's guide and the estate's own rules; the answer warns, it never refuses. */
export async function checkPhrases(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CheckPhrasesBody> },
): Promise<PhraseCheck> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'phrase.check');
  const rules = await store.enabledRules(ctx.db, opts.estateId);
  return { matches: findPhrases(opts.body.text, rules.map(ruleInput), { locale: opts.actor.locale }) };
}

export async function listPhraseRules(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListPhraseRulesQuery> },
) {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'phrase.read');
  const { q, locale, scope, page, pageSize } = opts.query;
  const { rows, total } = await store.listRules(ctx.db, opts.estateId, { q, locale, scope }, { page, pageSize });
  return { items: rows.map(presentRule), total, page, pageSize };
}

/** An estate's manager adds to its guide; the company's guide, in force for every estate, needs `phrase.company.write`. */
export async function createPhraseRule(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreatePhraseRuleBody> },
): Promise<PhraseRule> {
  const b = opts.body;
  if (b.scope === 'company') {
    requireEstate(opts.actor, opts.estateId);
    requireCompanyAbility(opts.actor, 'phrase.company.write');
  } else requireAbility(opts.actor, opts.estateId, 'phrase.write');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findEstate(trx, opts.estateId))) throw notFound('estate');
    const estateId = b.scope === 'company' ? null : opts.estateId;
    if (await store.findSameRule(trx, { estateId, locale: b.locale, avoid: b.avoid })) throw duplicate();
    const row: PhraseRuleRow = {
      id: newId(),
      estate_id: estateId,
      locale: b.locale,
      avoid: b.avoid,
      suggestion: b.suggestion,
      match: b.match,
      note: b.note ?? null,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('phrase_rules').values(row).execute();
    await recordChange(trx, {
      estateId,
      actorId: opts.actor.id,
      at,
      entityType: 'phrase_rule',
      entityId: row.id,
      action: 'created',
      after: row,
    });
    return presentRule(row);
  });
}

/** Changes or disables an estate's own rule (`phrase.write` there); the company's rules need `phrase.company.write`. */
export async function updatePhraseRule(
  ctx: AppContext,
  opts: { actor: Actor; ruleId: string; body: z.infer<typeof UpdatePhraseRuleBody> },
): Promise<PhraseRule> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await store.findRule(trx, null, opts.ruleId);
    if (!before) throw notFound('phrase rule');
    if (before.estate_id === null) requireCompanyAbility(opts.actor, 'phrase.company.write');
    else requireAbility(opts.actor, before.estate_id, 'phrase.write', 'phrase rule');
    const b = opts.body;
    const patch = {
      ...(b.locale !== undefined && { locale: b.locale }),
      ...(b.avoid !== undefined && { avoid: b.avoid }),
      ...(b.suggestion !== undefined && { suggestion: b.suggestion }),
      ...(b.match !== undefined && { match: b.match }),
      ...(b.note !== undefined && { note: b.note }),
      ...(b.disabled !== undefined && { disabled_at: b.disabled ? (before.disabled_at ?? at) : null }),
      updated_at: at,
    };
    const after: PhraseRuleRow = { ...before, ...patch };
    if (
      after.disabled_at === null &&
      (await store.findSameRule(trx, { estateId: after.estate_id, locale: after.locale, avoid: after.avoid, exceptId: after.id }))
    )
      throw duplicate();
    await trx.updateTable('phrase_rules').set(patch).where('id', '=', before.id).execute();
    const wasDisabled = before.disabled_at !== null;
    const isDisabled = after.disabled_at !== null;
    const action = wasDisabled === isDisabled ? 'updated' : isDisabled ? 'disabled' : 'enabled';
    await recordChange(trx, {
      estateId: before.estate_id,
      actorId: opts.actor.id,
      at,
      entityType: 'phrase_rule',
      entityId: before.id,
      action,
      before,
      after,
    });
    return presentRule(after);
  });
}
