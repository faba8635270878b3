import type { Kysely, Transaction } from 'kysely';
import { staffName } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { RainEventTable } from '../tables.js';
import '../tables.js';

/** Rain on record, per estate. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** The first rain that started after an instant (ties broken by end, then id). */
export async function firstRainAfter(trx: Trx, estateId: string, after: string) {
  return trx
    .selectFrom('rain_events')
    .select(['id', 'started_at', 'ended_at'])
    .where('estate_id', '=', estateId)
    .where('started_at', '>', after)
    .orderBy('started_at')
    .orderBy('ended_at')
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertRainEvent(trx: Trx, row: RainEventTable): Promise<void> {
  await trx.insertInto('rain_events').values(row).execute();
}

/** Whether a rain with this start and end is already on record. */
export async function rainOnRecord(trx: Trx, estateId: string, startedAt: string, endedAt: string): Promise<boolean> {
  const row = await trx
    .selectFrom('rain_events')
    .select('id')
    .where('estate_id', '=', estateId)
    .where('started_at', '=', startedAt)
    .where('ended_at', '=', endedAt)
    .executeTakeFirst();
  return Boolean(row);
}

/** A page of the estate's rain, newest first, with who recorded each. */
export async function rainPage(
  db: Db,
  o: { estateId: string; from?: string | undefined; to?: string | undefined; source?: string | undefined; page: number; pageSize: number },
) {
  let base = db.selectFrom('rain_events').where('rain_events.estate_id', '=', o.estateId);
  if (o.from) base = base.where('rain_events.ended_at', '>=', o.from);
  if (o.to) base = base.where('rain_events.started_at', '<', o.to);
  if (o.source) base = base.where('rain_events.source', '=', o.source);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('rain_events')
    .select((e) => staffName(e.ref('rain_events.recorded_by')).$asScalar().$notNull().as('recorder_name'))
    .orderBy('rain_events.started_at', 'desc')
    .orderBy('rain_events.id')
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize)
    .execute();
  return { rows, total: Number(n) };
}
