import type { Actor } from '../../auth/index.js';
import type { FeeStatement } from '../../contract/fees.js';
import { chargeableUnits, estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { requireEstateRecord } from '../items/access.js';
import { chargesOfUnit, paymentsOfUnit } from '../ledger.store.js';
import { dayIn, firstDayOf, lastDayOf } from '../rules.js';

type Line = FeeStatement['lines'][number];
const KIND_ORDER = { charge: 0, payment: 1, void: 2 } as const;

/**
 * R-FE-3: a unit's statement of months: the balance brought forward, then each charge (debit),
 * payment (credit) and void (the payment put back, debit) by day, with the running balance. A
 * payment counts on the day received and its void on the day voided, so a statement of a closed
 * month never changes.
 */
export async function feeStatement(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; unitId: string; from: string; to: string },
): Promise<FeeStatement> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.account.read');
  if (opts.to < opts.from)
    throw new AppError('validation.failed', 'to: the last month is before the first', {
      field: 'to',
      issues: [{ path: 'query.to', message: 'the last month is before the first' }],
    });
  const [unit] = await chargeableUnits(ctx.db, opts.estateId, [opts.unitId]);
  if (!unit) throw notFound('unit');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const first = firstDayOf(opts.from);
  const last = lastDayOf(opts.to);
  const entries: Omit<Line, 'balance'>[] = [];
  for (const c of await chargesOfUnit(ctx.db, opts.estateId, unit.id))
    entries.push({ on: c.charged_on, kind: 'charge', description: c.description, receiptNumber: null, debit: c.amount, credit: 0 });
  for (const p of await paymentsOfUnit(ctx.db, opts.estateId, unit.id)) {
    entries.push({
      on: dayIn(p.received_at, estate.timeZone),
      kind: 'payment',
      description: p.payer,
      receiptNumber: p.receipt_number,
      debit: 0,
      credit: p.amount,
    });
    if (p.voided_at)
      entries.push({
        on: dayIn(p.voided_at, estate.timeZone),
        kind: 'void',
        description: p.void_reason ?? '',
        receiptNumber: p.receipt_number,
        debit: p.amount,
        credit: 0,
      });
  }
  entries.sort((a, b) => a.on.localeCompare(b.on) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  let balance = 0;
  let charges = 0;
  let payments = 0;
  const lines: Line[] = [];
  for (const e of entries) {
    if (e.on > last) break;
    if (e.on < first) {
      balance += e.debit - e.credit;
      continue;
    }
    if (e.kind === 'charge') charges += e.debit;
    else payments += e.credit - (e.kind === 'void' ? e.debit : 0);
    lines.push({ ...e, balance: 0 });
  }
  const openingBalance = balance;
  for (const line of lines) {
    balance += line.debit - line.credit;
    line.balance = balance;
  }
  return {
    unit: { id: unit.id, buildingName: unit.building_name, number: unit.number, areaM2: unit.area_m2 },
    estateName: estate.name,
    currency: estate.policy.currency,
    from: opts.from,
    to: opts.to,
    openingBalance,
    charges,
    payments,
    closingBalance: balance,
    lines,
  };
}
