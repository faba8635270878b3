import { type Expression, expressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { likePattern } from './store.js';

/**
 * Residents as the portal's accounts read them (R-PT-1): a resident's name beside an account,
 * the units they may act on, and which residents a search finds.
 */
type Db = Kysely<Database> | Transaction<Database>;
const eb = expressionBuilder<Database, never>();
type Id = Expression<string | null>;

/** A resident's name, by id. */
export function residentName(id: Id) {
  return eb.selectFrom('residents').select('residents.name').where('residents.id', '=', id);
}

/** The ids of an estate's residents whose name, phone or unit number holds the text. */
export function residentsMatching(estateId: string, text: string) {
  const pattern = likePattern(text);
  return eb
    .selectFrom('residents as r')
    .select('r.id')
    .where('r.estate_id', '=', estateId)
    .where((w) =>
      w.or([
        w('r.name', 'like', pattern),
        w('r.phone', 'like', pattern),
        w.exists(
          w
            .selectFrom('resident_units as ru')
            .innerJoin('units as u', 'u.id', 'ru.unit_id')
            .select('u.id')
            .whereRef('ru.resident_id', '=', 'r.id')
            .where('u.number', 'like', pattern),
        ),
      ]),
    );
}

/** A resident of an estate as an account needs them: name, phone, email, title. */
export async function residentForAccount(db: Db, estateId: string, residentId: string) {
  return db
    .selectFrom('residents')
    .select(['id', 'estate_id', 'name', 'phone', 'email', 'title'])
    .where('id', '=', residentId)
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
}

/** The units of residents, with their building's name, in building and number order. */
export async function unitsOfResidents(db: Db, residentIds: readonly string[]) {
  if (residentIds.length === 0) return [];
  return db
    .selectFrom('resident_units as ru')
    .innerJoin('units as u', 'u.id', 'ru.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .select(['ru.resident_id', 'u.id', 'u.number', 'b.name as building'])
    .where('ru.resident_id', 'in', residentIds)
    .orderBy('b.name')
    .orderBy('u.number')
    .execute();
}
