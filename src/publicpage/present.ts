import { type Announcement, type PageChange, PageContent, type PagePolicyFigures, type PublicPageVersion } from '../contract/publicpage.js';
import type { AnnouncementRow, PublicPageVersionRow } from './tables.js';

/** The stored content read back; fields added since are filled with their defaults. */
export function contentOf(text: string | undefined): PageContent {
  return PageContent.parse(text ? JSON.parse(text) : {});
}

export function presentVersion(row: PublicPageVersionRow, publishedBy: string): PublicPageVersion {
  return {
    number: Number(row.number),
    publishedAt: new Date(row.published_at).toISOString(),
    publishedBy,
    content: contentOf(row.content),
    policy: JSON.parse(row.policy) as PagePolicyFigures,
    changes: JSON.parse(row.changes) as PageChange[],
  };
}

export function presentAnnouncement(row: AnnouncementRow): Announcement {
  return {
    id: row.id,
    estateId: row.estate_id,
    title: row.title,
    body: row.body,
    urgent: Number(row.urgent) === 1,
    fromDate: row.from_date,
    untilDate: row.until_date,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
