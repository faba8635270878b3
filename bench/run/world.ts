import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/platform/db/schema.js';

/** The estate the bench works in and the records its requests name. */
export interface World {
  estateId: string;
  estateCode: string;
  estates: number;
  /** Cases in the whole database and in the estate, before the bench wrote any. */
  cases: number;
  estateCases: number;
  unitIds: string[];
  /** A maintenance person of the estate (repairs are started with them). */
  fixerId: string;
  /** Someone of the estate's office, the recipient of the messages taken. */
  deskStaffId: string;
}

/** The estate named by code or id, else the one with the most cases (the busiest office). */
export async function findWorld(db: Kysely<Database>, estate: string | undefined): Promise<World> {
  const { estates } = await db
    .selectFrom('estates')
    .select((eb) => eb.fn.countAll<number>().as('estates'))
    .executeTakeFirstOrThrow();
  const { cases } = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('cases'))
    .executeTakeFirstOrThrow();
  let row: { id: string; code: string } | undefined;
  if (estate) {
    row = await db.selectFrom('estates').select(['id', 'code']).where('code', '=', estate).executeTakeFirst();
    row ??= await db.selectFrom('estates').select(['id', 'code']).where('id', '=', estate).executeTakeFirst();
    if (!row) throw new Error(`no estate with code or id ${estate}`);
  } else {
    const busiest = await db
      .selectFrom('cases')
      .select(['estate_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('estate_id')
      .orderBy(sql`count(*)`, 'desc')
      .limit(1)
      .executeTakeFirst();
    const q = db.selectFrom('estates').select(['id', 'code']);
    row = busiest ? await q.where('id', '=', busiest.estate_id).executeTakeFirst() : await q.orderBy('code').limit(1).executeTakeFirst();
    if (!row) throw new Error('the database has no estate: load one (estatedesk demo, or the data generator) first');
  }
  const estateId = row.id;
  const { estateCases } = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('estateCases'))
    .where('estate_id', '=', estateId)
    .executeTakeFirstOrThrow();
  const unitIds = (await db.selectFrom('units').select('id').where('estate_id', '=', estateId).orderBy('id').limit(500).execute()).map(
    (u) => u.id,
  );
  if (!unitIds.length) throw new Error(`estate ${row.code} has no units`);
  const members = await db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .select(['staff_estates.staff_id', 'staff_estates.role'])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.disabled_at', 'is', null)
    .orderBy('staff.username')
    .execute();
  const fixer = members.find((m) => m.role === 'maintenance');
  const desk = members.find((m) => m.role === 'receptionist') ?? members.find((m) => m.role === 'manager');
  if (!fixer || !desk) throw new Error(`estate ${row.code} needs a maintenance person and a receptionist or manager`);
  return {
    estateId,
    estateCode: row.code,
    estates: Number(estates),
    cases: Number(cases),
    estateCases: Number(estateCases),
    unitIds,
    fixerId: fixer.staff_id,
    deskStaffId: desk.staff_id,
  };
}

/** Open follow-up visits of the estate (a completed repair's R-FU-1 visit, not yet recorded). */
export async function openFollowUps(db: Kysely<Database>, estateId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('followups')
    .select('id')
    .where('estate_id', '=', estateId)
    .where('status', '=', 'open')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
