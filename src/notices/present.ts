import type { Selectable } from 'kysely';
import type { Notice } from '../contract/notices.js';
import type { NoticeTable } from './tables.js';

export function presentNotice(row: Selectable<NoticeTable>): Notice {
  return {
    id: row.id,
    estateId: row.estate_id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
