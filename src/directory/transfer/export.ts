import type { Kysely } from 'kysely';
import { type Actor, type EstateAbility, requireAbility } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { type TabularFormat, writeSheet } from '../../platform/tabular.js';

/** An export use case: the estate's records as CSV or XLSX, one sheet, in the columns the import reads. */
export function sheetExport<R>(spec: {
  ability: EstateAbility;
  sheet: string;
  columns: readonly string[];
  rows: (db: Kysely<Database>, estateId: string) => Promise<R[]>;
  line: (row: R) => (string | number | null)[];
}): (ctx: AppContext, opts: { actor: Actor; estateId: string; format: TabularFormat }) => Promise<Buffer> {
  return async (ctx, opts) => {
    requireAbility(opts.actor, opts.estateId, spec.ability);
    const rows = await spec.rows(ctx.db, opts.estateId);
    return writeSheet(opts.format, spec.sheet, [...spec.columns], rows.map(spec.line));
  };
}
