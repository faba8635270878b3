import type { FeeBasis, FeeItem } from '../contract/fees.js';
import type { FeeItemRow } from './tables.js';

export function presentFeeItem(row: FeeItemRow): FeeItem {
  return {
    id: row.id,
    estateId: row.estate_id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    basis: row.basis as FeeBasis,
    rate: Number(row.rate),
    currency: row.currency,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    approvalRef: row.approval_ref,
    notes: row.notes,
    retired: row.retired_at !== null,
    retiredAt: row.retired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
