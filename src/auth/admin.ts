import type { AppContext } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { insertStaff } from './accounts.js';
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
  const passwordHash = await hashPassword(password, ctx.config.passwordHashCost);
  const at = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute((trx) =>
    insertStaff(trx, {
      staff: { id, username: opts.username.toLowerCase(), name: opts.name, surname: opts.name.slice(0, 1), role: 'admin', passwordHash },
      actorId: null,
      at,
    }),
  );
  return { id, username: opts.username.toLowerCase(), password, generated: !opts.password };
}
