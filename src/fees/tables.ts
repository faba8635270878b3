import type { Selectable } from 'kysely';

/** R-FE-1: one period of a fee item: its rate in minor units of its currency, from a day to a day. */
export interface FeeItemTable {
  id: string;
  estate_id: string;
  /** The item across its periods; periods of one code never overlap. */
  code: string;
  name: string;
  name_en: string | null;
  basis: string;
  rate: number;
  currency: string;
  /** YYYY-MM-DD, the first day in force. */
  effective_from: string;
  /** YYYY-MM-DD, the last day in force (inclusive); null: until further notice. */
  effective_to: string | null;
  approval_ref: string | null;
  notes: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export type FeeItemRow = Selectable<FeeItemTable>;

declare module '../platform/db/schema.js' {
  interface Database {
    fee_items: FeeItemTable;
  }
}
