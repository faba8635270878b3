import type { Kysely, Transaction } from 'kysely';
import { likePattern, staffName } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import type { AnnouncementRow, NewPublicPageVersion, PublicPageRow, PublicPageVersionRow } from './tables.js';

/** Queries of the public page. Every function takes the estate. */
type Db = Kysely<Database> | Transaction<Database>;

export async function findDraft(db: Db, estateId: string): Promise<PublicPageRow | undefined> {
  return db.selectFrom('public_pages').selectAll().where('estate_id', '=', estateId).executeTakeFirst();
}

export async function saveDraft(db: Db, row: PublicPageRow): Promise<void> {
  await db
    .insertInto('public_pages')
    .values(row)
    .onConflict((oc) =>
      oc.column('estate_id').doUpdateSet({ content: row.content, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();
}

export async function latestVersion(db: Db, estateId: string): Promise<PublicPageVersionRow | undefined> {
  return db
    .selectFrom('public_page_versions')
    .selectAll()
    .where('estate_id', '=', estateId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findVersion(db: Db, estateId: string, number: number): Promise<PublicPageVersionRow | undefined> {
  return db
    .selectFrom('public_page_versions')
    .selectAll()
    .where('estate_id', '=', estateId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function listVersions(
  db: Db,
  estateId: string,
  paging: { page: number; pageSize: number },
): Promise<{ rows: PublicPageVersionRow[]; total: number }> {
  const base = db.selectFrom('public_page_versions').where('estate_id', '=', estateId);
  const rows = await base
    .selectAll()
    .orderBy('number', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function insertVersion(db: Db, row: NewPublicPageVersion): Promise<void> {
  await db.insertInto('public_page_versions').values(row).execute();
}

/** Who published or saved: the staff member's name. */
export async function staffNameOf(db: Db, staffId: string | null): Promise<string> {
  if (!staffId) return '';
  const row = await db.selectNoFrom((eb) => [staffName(eb.val(staffId)).as('name')]).executeTakeFirst();
  return row?.name ?? '';
}

export interface AnnouncementFilters {
  q?: string | undefined;
  state: 'current' | 'upcoming' | 'past' | 'all';
  urgent?: boolean | undefined;
  /** Today in the estate's time zone, YYYY-MM-DD. */
  today: string;
}

function announcementsOf(db: Db, estateId: string, f: AnnouncementFilters) {
  let q = db.selectFrom('announcements').where('estate_id', '=', estateId).where('deleted_at', 'is', null);
  if (f.state === 'current')
    q = q.where('from_date', '<=', f.today).where((eb) => eb.or([eb('until_date', 'is', null), eb('until_date', '>=', f.today)]));
  if (f.state === 'upcoming') q = q.where('from_date', '>', f.today);
  if (f.state === 'past') q = q.where('until_date', '<', f.today);
  if (f.urgent !== undefined) q = q.where('urgent', '=', f.urgent ? 1 : 0);
  if (f.q) {
    const like = likePattern(f.q.toLowerCase());
    q = q.where((eb) => eb.or([eb(eb.fn<string>('lower', ['title']), 'like', like), eb(eb.fn<string>('lower', ['body']), 'like', like)]));
  }
  return q;
}

/** Urgent ones first, then the newest. */
export async function listAnnouncements(
  db: Db,
  estateId: string,
  filters: AnnouncementFilters,
  paging: { page: number; pageSize: number },
): Promise<{ rows: AnnouncementRow[]; total: number }> {
  const rows = await announcementsOf(db, estateId, filters)
    .selectAll()
    .orderBy('urgent', 'desc')
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  const { n } = await announcementsOf(db, estateId, filters)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function findAnnouncement(db: Db, estateId: string | null, id: string): Promise<AnnouncementRow | undefined> {
  let q = db.selectFrom('announcements').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (estateId) q = q.where('estate_id', '=', estateId);
  return q.executeTakeFirst();
}

export async function insertAnnouncement(db: Db, row: AnnouncementRow): Promise<void> {
  await db.insertInto('announcements').values(row).execute();
}

export async function updateAnnouncement(db: Db, estateId: string, id: string, patch: Partial<AnnouncementRow>): Promise<void> {
  await db.updateTable('announcements').set(patch).where('estate_id', '=', estateId).where('id', '=', id).execute();
}
