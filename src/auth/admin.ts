import type { AppContext } from '../platform/context.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import { generatePassword, hashPassword } from './passwords.js';

export async function staffCount(ctx: AppContext): Promise<number> {
  const { n } = await ctx.db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Creates a company admin. The password is the one given, or a generated one that is
 * returned so it can be shown once; it is never stored or logged in clear.
 */
export async function createAdmin(
  ctx: AppContext,
  opts: { username: string; name: string; password?: string | undefined },
): Promise<{ id: string; username: string; password: string; generated: boolean }> {
  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const at = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const row = {
      id,
      username: opts.username.toLowerCase(),
      name: opts.name,
      surname: opts.name.slice(0, 1),
      role: 'admin',
      email: null,
      phone: null,
      locale: 'zh-Hant',
      password_hash: passwordHash,
      password_changed_at: at,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('staff').values(row).execute();
    const { password_hash: _hidden, ...visible } = row;
    await recordChange(trx, { estateId: null, actorId: null, at, entityType: 'staff', entityId: id, action: 'created', after: visible });
  });
  return { id, username: opts.username.toLowerCase(), password, generated: !opts.password };
}
