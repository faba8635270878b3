import type { Kysely } from 'kysely';
import { type Actor, type EstateAbility, requireAbility } from '../auth/index.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';

type Db = Kysely<Database>;

/**
 * One page of an estate's records for those who may read them: the rows of the page are read
 * first, then what they show beside them in one look-up for the whole page.
 */
export async function estatePage<Q extends { page: number; pageSize: number }, R extends { id: string }, T>(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: Q },
  spec: {
    ability: EstateAbility;
    rows: (db: Db, estateId: string, query: Q) => Promise<{ rows: R[]; total: number }>;
    present: (db: Db, rows: R[]) => Promise<T[]>;
  },
): Promise<{ items: T[]; total: number; page: number; pageSize: number }> {
  requireAbility(opts.actor, opts.estateId, spec.ability);
  const { page, pageSize } = opts.query;
  const { rows, total } = await spec.rows(ctx.db, opts.estateId, opts.query);
  return { items: await spec.present(ctx.db, rows), total, page, pageSize };
}
