import type { Insertable, Selectable } from 'kysely';

/** R-PB-1: the draft of an estate's public page, as the office last saved it (JSON of `PageContent`). */
export interface PublicPageTable {
  estate_id: string;
  content: string;
  updated_at: string;
  updated_by: string | null;
}

/** A published version: written once, never changed, so the page's history stays as it was shown. */
export interface PublicPageVersionTable {
  id: string;
  estate_id: string;
  number: number;
  published_at: string;
  published_by: string | null;
  /** JSON of `PageContent`. */
  content: string;
  /** JSON of `PagePolicyFigures` at publication. */
  policy: string;
  /** JSON of `PageChange[]` from the previous version. */
  changes: string;
}

/** An announcement (公告) on the public page. */
export interface AnnouncementTable {
  id: string;
  estate_id: string;
  title: string;
  body: string;
  urgent: number;
  from_date: string;
  until_date: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type PublicPageRow = Selectable<PublicPageTable>;
export type PublicPageVersionRow = Selectable<PublicPageVersionTable>;
export type NewPublicPageVersion = Insertable<PublicPageVersionTable>;
export type AnnouncementRow = Selectable<AnnouncementTable>;

declare module '../platform/db/schema.js' {
  interface Database {
    public_pages: PublicPageTable;
    public_page_versions: PublicPageVersionTable;
    announcements: AnnouncementTable;
  }
}
