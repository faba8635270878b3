import { type Actor, type EstateAbility, requireAbility } from '../../auth/index.js';
import { findEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Trx } from '../../platform/use-case.js';
import { type FeePeriod, overlappingPeriod, periodLabel, periodProblem } from '../rules.js';
import { periodsOfCode } from '../store.js';

/** The ability in the estate, and the estate itself: a deleted estate answers 404. */
export async function requireEstateRecord(ctx: AppContext, actor: Actor, estateId: string, ability: EstateAbility): Promise<void> {
  requireAbility(actor, estateId, ability);
  if (!(await findEstate(ctx.db, estateId))) throw notFound('estate');
}

/**
 * R-FE-1: a period ends on or after its first day (400 naming effectiveTo), and no two periods
 * of one item overlap (409 naming effectiveFrom and the period it overlaps).
 */
export async function requireFreePeriod(trx: Trx, estateId: string, code: string, period: FeePeriod): Promise<void> {
  const problem = periodProblem(period);
  if (problem) throw new AppError('validation.failed', problem, { issues: [{ path: 'body.effectiveTo', message: problem }] });
  const other = overlappingPeriod(period, await periodsOfCode(trx, estateId, code).then((rows) => rows.map(periodOf)));
  if (!other) return;
  const overlaps = periodLabel(other);
  throw new AppError('conflict.overlap', `effectiveFrom: the period overlaps ${code} ${overlaps}`, {
    field: 'effectiveFrom',
    code,
    overlaps: { id: other.id, effectiveFrom: other.effectiveFrom, effectiveTo: other.effectiveTo },
  });
}

function periodOf(row: { id: string; effective_from: string; effective_to: string | null }): FeePeriod & { id: string } {
  return { id: row.id, effectiveFrom: row.effective_from, effectiveTo: row.effective_to };
}
