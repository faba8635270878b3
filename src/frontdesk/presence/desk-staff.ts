import type { Kysely, Transaction } from 'kysely';
import { deskStaffOf } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import { unknownReference } from '../../platform/errors.js';
import type { Locale, PresenceState, Seat } from '../rules.js';
import { servingReceivers } from '../store/visits.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The estate's staff with their seat, presence, department duties and whether they serve a visitor now. */
export async function deskStaff(db: Db, estateId: string) {
  const rows = await deskStaffOf(db, estateId);
  const busy = await servingReceivers(db, estateId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    surname: r.surname,
    role: r.role,
    locale: r.locale as Locale,
    seat: (r.counter_seat ?? null) as Seat | null,
    state: (r.state ?? 'in_office') as PresenceState,
    until: r.until ?? null,
    onTask: Boolean(Number(r.on_task ?? 0)),
    serving: busy.has(r.id),
    departmentCode: r.department_code,
    caseKinds: r.case_kinds ? (JSON.parse(r.case_kinds) as string[]) : [],
  }));
}
export type DeskPerson = Awaited<ReturnType<typeof deskStaff>>[number];

/** One of the estate's staff at the desk; anyone else is an unknown reference in `field`. */
export async function personIn(db: Db, estateId: string, staffId: string, field: string): Promise<DeskPerson> {
  const person = (await deskStaff(db, estateId)).find((s) => s.id === staffId);
  if (!person) throw unknownReference(field);
  return person;
}
