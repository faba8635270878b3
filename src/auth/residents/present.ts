import type { ResidentAccount } from '../../contract/portal.js';
import type { listAccounts } from '../residents.store.js';

type AccountListRow = Awaited<ReturnType<typeof listAccounts>>['rows'][number];

export function accountStatus(row: { activated_at: string | null; disabled_at: string | null }): ResidentAccount['status'] {
  if (row.disabled_at) return 'disabled';
  return row.activated_at ? 'active' : 'invited';
}

export function presentAccount(row: AccountListRow, units: { id: string; label: string }[]): ResidentAccount {
  return {
    id: row.id,
    residentId: row.resident_id,
    residentName: row.resident_name ?? '',
    units,
    login: row.login,
    status: accountStatus(row),
    hasPassword: Boolean(row.password_hash),
    invitedAt: row.invited_at,
    invitedBy: row.invited_by ? { id: row.invited_by, name: row.invited_by_name ?? '' } : null,
    invitationExpiresAt: row.invitation_expires_at ?? null,
    activatedAt: row.activated_at,
    lastSignInAt: row.last_sign_in_at,
    disabledAt: row.disabled_at,
  };
}
