import type { Kysely, Transaction } from 'kysely';
import type { ResidentIdentity } from '../../auth/index.js';
import type { Database } from '../../platform/db/schema.js';
import { caseColumns, casesQuery } from '../store.js';

type Db = Kysely<Database> | Transaction<Database>;

/** R-PT-1: the cases of the resident's estate that are theirs: of one of their units, or naming them. */
function residentsCases(db: Db, resident: ResidentIdentity) {
  return casesQuery(db, resident.estateId).where((eb) =>
    resident.unitIds.length > 0
      ? eb.or([eb('cases.unit_id', 'in', [...resident.unitIds]), eb('cases.resident_id', '=', resident.residentId)])
      : eb('cases.resident_id', '=', resident.residentId),
  );
}

/** A page of the resident's own cases, newest first, and how many there are: nothing of anyone else's is counted. */
export async function portalCasePage(
  db: Db,
  resident: ResidentIdentity,
  filter: { status?: 'open' | 'closed' | undefined; kind?: string | undefined; unitId?: string | undefined },
  page: { page: number; pageSize: number },
) {
  let base = residentsCases(db, resident);
  if (filter.status === 'open') base = base.where('cases.status', '<>', 'closed');
  if (filter.status === 'closed') base = base.where('cases.status', '=', 'closed');
  if (filter.kind) base = base.where('cases.kind', '=', filter.kind);
  if (filter.unitId) base = base.where('cases.unit_id', '=', filter.unitId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(caseColumns)
    .orderBy('cases.recorded_at', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(n) };
}
