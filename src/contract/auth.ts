import { z } from 'zod';
import { Id, Locale } from './common.js';
import { Estate, Password, Role } from './directory.js';

export const LoginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(60),
  password: z.string().min(1).max(200),
});

export const SessionInfo = z
  .object({
    staff: z.object({
      id: Id,
      username: z.string(),
      name: z.string(),
      surname: z.string(),
      role: Role,
      locale: Locale,
    }),
    estates: z.array(
      Estate.pick({ id: true, code: true, name: true, timeZone: true, officeName: true }).extend({
        role: Role.describe("The person's role in this estate (roles are held per estate)"),
        abilities: z.array(z.string()).describe("The named abilities the person holds in this estate (each capability's policy table)"),
      }),
    ),
    companyAbilities: z.array(z.string()).describe('Abilities that belong to no one estate (company admins)'),
    csrfToken: z.string(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const ResetPasswordBody = z.strictObject({
  newPassword: Password.optional().describe('Leave out to have one generated'),
});
export const ResetPasswordResult = z.object({
  temporaryPassword: z.string().nullable().describe('The generated password, shown once'),
});
