import type { Transaction } from 'kysely';
import { insertStaff, restoreAdmin, staffIdByUsername } from '../directory/index.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import { FIRST_RUN_COMPLETED, writeMeta } from '../platform/meta.js';
import { runUseCase } from '../platform/use-case.js';
import { generatePassword, hashPassword } from './passwords.js';

/**
 * Creates a company admin. The password is the one given, or a generated one that is
 * returned so it can be shown once; it is never stored or logged in clear.
 */
export async function createAdmin(
  ctx: AppContext,
  opts: { username: string; name: string; password?: string | undefined },
): Promise<{ id: string; username: string; password: string; generated: boolean }> {
  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password, ctx.config.passwordHashCost);
  const id = newId();
  await runUseCase(ctx, { actorId: null }, async (uc) => {
    await insertStaff(uc.trx, {
      staff: { id, username: opts.username.toLowerCase(), name: opts.name, surname: opts.name.slice(0, 1), role: 'admin', passwordHash },
      actorId: null,
      at: uc.at,
    });
    // An admin whose password was shown or chosen can sign in: a later first start has nothing to do.
    await writeMeta(uc.trx, FIRST_RUN_COMPLETED, uc.at, uc.at);
  });
  return { id, username: opts.username.toLowerCase(), password, generated: !opts.password };
}

/**
 * The first start's admin, inside its transaction: created, or, when an interrupted start of an
 * earlier version left the account behind without its password ever shown, given the new password.
 */
export async function ensureFirstAdmin(
  trx: Transaction<Database>,
  opts: { username: string; name: string; passwordHash: string; at: string },
): Promise<string> {
  const username = opts.username.toLowerCase();
  const existingId = await staffIdByUsername(trx, username);
  if (!existingId) {
    const id = newId();
    await insertStaff(trx, {
      staff: { id, username, name: opts.name, surname: opts.name.slice(0, 1), role: 'admin', passwordHash: opts.passwordHash },
      actorId: null,
      at: opts.at,
    });
    return id;
  }
  await restoreAdmin(trx, existingId, opts.passwordHash, opts.at);
  await recordChange(trx, {
    estateId: null,
    actorId: null,
    at: opts.at,
    entityType: 'staff',
    entityId: existingId,
    action: 'password.reset',
    after: { passwordChangedAt: opts.at, reason: 'first start completed' },
  });
  return existingId;
}
