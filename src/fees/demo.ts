import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { historyIn, runUseCase } from '../platform/use-case.js';
import { feeItemCount, insertFeeItem } from './store.js';
import type { FeeItemRow } from './tables.js';

type DemoFee = Pick<
  FeeItemRow,
  'code' | 'name' | 'name_en' | 'basis' | 'rate' | 'effective_from' | 'effective_to' | 'approval_ref' | 'notes'
>;

/** The demo estate's fee schedule (R-FE-1), in HKD minor units: the management fee went up last April. */
const DEMO_FEES: readonly DemoFee[] = [
  {
    code: 'management',
    name: '管理費',
    name_en: 'Management fee',
    basis: 'per_m2_month',
    rate: 268,
    effective_from: '2025-04-01',
    effective_to: '2026-03-31',
    approval_ref: '業委會 2025 年第 2 號決議',
    notes: '按單位實用面積每月計算',
  },
  {
    code: 'management',
    name: '管理費',
    name_en: 'Management fee',
    basis: 'per_m2_month',
    rate: 285,
    effective_from: '2026-04-01',
    effective_to: null,
    approval_ref: '業委會 2026 年第 3 號決議',
    notes: '按單位實用面積每月計算',
  },
  {
    code: 'parking',
    name: '車位月租',
    name_en: 'Parking space, monthly',
    basis: 'per_unit_month',
    rate: 280000,
    effective_from: '2026-01-01',
    effective_to: null,
    approval_ref: '業委會 2025 年第 11 號決議',
    notes: '住客私家車位',
  },
  {
    code: 'clubhouse',
    name: '會所設施使用費',
    name_en: 'Clubhouse facility, per use',
    basis: 'per_use',
    rate: 5000,
    effective_from: '2026-01-01',
    effective_to: null,
    approval_ref: '業委會 2025 年第 11 號決議',
    notes: '每次每節',
  },
  {
    code: 'access-card',
    name: '補領門禁卡',
    name_en: 'Replacement access card',
    basis: 'per_use',
    rate: 15000,
    effective_from: '2026-01-01',
    effective_to: null,
    approval_ref: '業委會 2025 年第 11 號決議',
    notes: null,
  },
  {
    code: 'removal-deposit',
    name: '搬運按金',
    name_en: 'Removal deposit',
    basis: 'fixed',
    rate: 200000,
    effective_from: '2026-01-01',
    effective_to: null,
    approval_ref: '業委會 2025 年第 11 號決議',
    notes: '搬運完成後檢查公共地方無損壞即退還',
  },
];

/** Puts the demo fee schedule into an estate that has no fee item yet, inside the caller's transaction. */
export async function insertDemoFees(
  trx: Transaction<Database>,
  opts: { estateId: string; actorId: string | null; at: string; currency?: string },
): Promise<number> {
  if ((await feeItemCount(trx, opts.estateId)) > 0) return 0;
  const history = historyIn(trx, opts.actorId, opts.at);
  for (const fee of DEMO_FEES) {
    const row: FeeItemRow = {
      ...fee,
      id: newId(),
      estate_id: opts.estateId,
      currency: opts.currency ?? 'HKD',
      retired_at: null,
      created_at: opts.at,
      updated_at: opts.at,
    };
    await insertFeeItem(trx, row);
    await history({ estateId: opts.estateId, entityType: 'fee_item', entityId: row.id, action: 'demo.loaded', after: row });
  }
  return DEMO_FEES.length;
}

/** The demo fee schedule as its own use case (the command line's `demo`). */
export async function loadDemoFees(ctx: AppContext, opts: { estateId: string; actorId: string | null }): Promise<number> {
  return runUseCase(ctx, { actorId: opts.actorId }, (uc) => insertDemoFees(uc.trx, { ...opts, at: uc.at }));
}
