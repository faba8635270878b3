import { type Actor, requireAbility } from '../../auth/index.js';
import type { FeeChargeRun } from '../../contract/fees.js';
import { chargeableUnits, estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { exclusively } from '../../platform/exclusive.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { findRun, insertRun, runningRun, updateRun } from '../days.store.js';
import { insertRunCharges } from '../ledger.store.js';
import { presentRun } from '../present.js';
import { firstDayOf } from '../rules.js';
import type { FeeChargeTable } from '../tables.js';
import { monthItems, planCharges, runChargeDescription } from './plan.js';

/** Units charged per transaction: a screen polling the run sees it move. */
export const RUN_BATCH = 100;

/**
 * R-FE-3: the month's charges of every unit from the fee items in force, in batches of units,
 * each batch one transaction that also moves the run's progress. Each charge has a unique run
 * key (unit, item code, month), so running the month again creates only what is missing, and a
 * run cut short (a crash) is resumed by the next start of the same month. One run at a time per
 * estate (422 fee.run_busy while one is under way).
 */
export async function runFeeCharges(ctx: AppContext, opts: { actor: Actor; estateId: string; period: string }): Promise<FeeChargeRun> {
  requireAbility(opts.actor, opts.estateId, 'fee.charge');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const busy = () => new AppError('fee.run_busy', `R-FE-3: a charge run of this estate is under way`, { field: 'period' });
  return exclusively(ctx, `fee-charge-run:${estate.id}`, busy, async () => {
    const units = await chargeableUnits(ctx.db, estate.id);
    const resumed = await runningRun(ctx.db, estate.id, opts.period);
    const runId =
      resumed?.id ??
      (await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
        const row = {
          id: newId(),
          estate_id: estate.id,
          period: opts.period,
          state: 'running',
          total_units: units.length,
          processed_units: 0,
          charges_created: 0,
          amount_created: 0,
          currency: estate.policy.currency,
          started_by: opts.actor.id,
          started_at: uc.at,
          finished_at: null,
        };
        await insertRun(uc.trx, row);
        await uc.history({ estateId: estate.id, entityType: 'fee_charge_run', entityId: row.id, action: 'started', after: row });
        return row.id;
      }));
    for (let from = resumed ? Number(resumed.processed_units) : 0; from < units.length; from += RUN_BATCH) {
      const batch = units.slice(from, from + RUN_BATCH);
      await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
        const run = await findRun(uc.trx, estate.id, runId);
        if (!run) throw notFound('fee charge run');
        const plan = planCharges(batch, await monthItems(uc.trx, estate.id, opts.period), opts.period);
        const rows: FeeChargeTable[] = [];
        for (const p of plan) {
          if (!p.outcome.charged) continue;
          rows.push({
            id: newId(),
            estate_id: estate.id,
            unit_id: p.unit.id,
            fee_item_id: p.outcome.feeItemId,
            fee_item_code: p.code,
            description: runChargeDescription(p.name, opts.period),
            source: 'run',
            period: opts.period,
            charged_on: firstDayOf(opts.period),
            quantity: 1,
            amount: p.outcome.amount,
            currency: p.currency,
            run_key: p.runKey,
            run_id: runId,
            case_id: null,
            created_by: opts.actor.id,
            created_at: uc.at,
          });
        }
        const made = await insertRunCharges(uc.trx, rows);
        const patch = {
          processed_units: from + batch.length,
          charges_created: Number(run.charges_created) + made.count,
          amount_created: Number(run.amount_created) + made.amount,
        };
        await updateRun(uc.trx, runId, patch);
        if (made.count > 0)
          await uc.history({
            estateId: estate.id,
            entityType: 'fee_charge_run',
            entityId: runId,
            action: 'charged',
            after: { ...patch, created: made },
          });
      });
    }
    await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
      const run = await findRun(uc.trx, estate.id, runId);
      if (!run) throw notFound('fee charge run');
      const patch = {
        state: 'done',
        finished_at: uc.at,
        processed_units: units.length,
        total_units: Math.max(units.length, Number(run.total_units)),
      };
      await updateRun(uc.trx, runId, patch);
      await uc.history({
        estateId: estate.id,
        entityType: 'fee_charge_run',
        entityId: runId,
        action: 'finished',
        after: { ...patch, chargesCreated: Number(run.charges_created), amountCreated: Number(run.amount_created) },
      });
    });
    const done = await findRun(ctx.db, estate.id, runId);
    if (!done) throw notFound('fee charge run');
    return presentRun(done);
  });
}
