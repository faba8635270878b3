import type { z } from 'zod';
import { type Actor, requireAbility, residentOf } from '../../auth/index.js';
import type { ResidentPreferencesBody } from '../../contract/directory.js';
import type { PortalPreferences } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findResident } from '../store.js';
import { setResidentPreferences } from './set-resident-preferences.js';

type Preferences = z.infer<typeof PortalPreferences>;

function preferencesOf(row: NonNullable<Awaited<ReturnType<typeof findResident>>>): Preferences {
  const channel = row.notify_channel;
  return {
    locale: (row.locale ?? 'zh-Hant') as Preferences['locale'],
    notifyChannel: channel === 'sms' || channel === 'email' || channel === 'portal' ? channel : null,
    optOut: { sms: Boolean(row.sms_opt_out), email: Boolean(row.email_opt_out), portal: Boolean(row.portal_opt_out) },
    hasPhone: Boolean(row.phone),
    hasEmail: Boolean(row.email),
  };
}

/** R-CP-5: how the signed-in resident is told of their cases; their own record only. */
export async function getPortalPreferences(ctx: AppContext, opts: { actor: Actor; estateId: string }): Promise<Preferences> {
  requireAbility(opts.actor, opts.estateId, 'portal.preferences.write');
  const me = residentOf(opts.actor);
  const row = await findResident(ctx.db, opts.estateId, me.residentId);
  if (!row) throw notFound('resident');
  return preferencesOf(row);
}

/** R-CP-5: the resident chooses their language and channel and refuses channels, for their own record. */
export async function setPortalPreferences(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof ResidentPreferencesBody> },
): Promise<Preferences> {
  requireAbility(opts.actor, opts.estateId, 'portal.preferences.write');
  const me = residentOf(opts.actor);
  if (me.estateId !== opts.estateId) throw notFound('estate');
  await setResidentPreferences(ctx, { actor: opts.actor, residentId: me.residentId, body: opts.body, ability: 'portal.preferences.write' });
  return getPortalPreferences(ctx, opts);
}
