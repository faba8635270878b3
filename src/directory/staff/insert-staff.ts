import type { Transaction } from 'kysely';
import type { Database, StaffRow } from '../../platform/db/schema.js';
import { recordChange } from '../../platform/history.js';
import { insertStaffRow } from '../accounts.store.js';

export interface NewStaff {
  id: string;
  username: string;
  name: string;
  surname: string;
  role: string;
  email?: string | null;
  phone?: string | null;
  locale?: string;
  passwordHash: string;
}

/**
 * Inserts a staff account and its history entry, in the caller's transaction. The history keeps
 * who the person is, never the password hash.
 */
export async function insertStaff(
  trx: Transaction<Database>,
  opts: { staff: NewStaff; actorId: string | null; at: string; action?: string; extra?: Record<string, unknown> },
): Promise<StaffRow> {
  const s = opts.staff;
  const row: StaffRow = {
    id: s.id,
    username: s.username,
    name: s.name,
    surname: s.surname,
    role: s.role,
    email: s.email ?? null,
    phone: s.phone ?? null,
    locale: s.locale ?? 'zh-Hant',
    password_hash: s.passwordHash,
    password_changed_at: opts.at,
    disabled_at: null,
    created_at: opts.at,
    updated_at: opts.at,
  };
  await insertStaffRow(trx, row);
  const { password_hash: _hidden, ...visible } = row;
  await recordChange(trx, {
    estateId: null,
    actorId: opts.actorId,
    at: opts.at,
    entityType: 'staff',
    entityId: row.id,
    action: opts.action ?? 'created',
    after: { ...visible, ...opts.extra },
  });
  return row;
}
