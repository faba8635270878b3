import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/index.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { Trx } from '../../platform/use-case.js';
import { findStaff, worksForAny } from '../staff.store.js';

/** The staff member, when the caller may see them (themselves, or someone of an estate they work for); 404 otherwise. */
export async function requireVisibleStaff(db: Kysely<Database> | Trx, actor: Actor, staffId: string) {
  const staff = await findStaff(db, staffId);
  if (!staff) throw notFound('staff');
  if (actor.allEstates || staff.id === actor.id) return staff;
  if (!(await worksForAny(db, staffId, actor.estateIds))) throw notFound('staff');
  return staff;
}
