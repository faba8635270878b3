import type { z } from 'zod';
import type { InviteResidentBody, ResidentInvitation } from '../../contract/portal.js';
import { estateSettings, residentForAccount, unitsOfResidents } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/outbox/index.js';
import { runUseCase } from '../../platform/use-case.js';
import { type Actor, requireAbility } from '../policy.js';
import * as store from '../residents.store.js';
import { sha256 } from '../service.js';
import { CODE_RULES, codeMessage, loginForResident, maskContact, newInvitationCode, normaliseCode } from './codes.js';

export const invitationHash = (code: string) => sha256(`invitation:${normaliseCode(code)}`);

/**
 * R-PT-1: the counter invites a resident of a unit to the portal with a one-time code that
 * expires in a week: shown once (to print or read out), or sent to the resident's phone or
 * email. A new invitation replaces the one before; the account signs in with the resident's
 * phone (or email), which no other account may use.
 */
export async function inviteResident(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; residentId: string; body: z.infer<typeof InviteResidentBody> },
): Promise<z.infer<typeof ResidentInvitation>> {
  return runUseCase(
    ctx,
    { actorId: opts.actor.id, authorise: () => requireAbility(opts.actor, opts.estateId, 'resident.invite'), duplicateField: 'phone' },
    async (uc) => {
      const resident = await residentForAccount(uc.trx, opts.estateId, opts.residentId);
      if (!resident) throw notFound('resident');
      if ((await unitsOfResidents(uc.trx, [resident.id])).length === 0)
        throw new AppError('portal.resident_without_unit', 'residentId: the resident belongs to no unit; add the unit first', {
          field: 'residentId',
        });
      const login = loginForResident(resident);
      if (!login)
        throw new AppError('portal.resident_without_contact', 'residentId: the resident has no phone or email to sign in with', {
          field: 'residentId',
        });
      const delivery = opts.body.delivery;
      const sendTo = delivery === 'sms' ? resident.phone : delivery === 'email' ? resident.email : null;
      if (delivery !== 'show' && !sendTo)
        throw new AppError('portal.no_address', `delivery: the resident has no ${delivery === 'sms' ? 'phone' : 'email'}`, {
          field: 'delivery',
        });
      const taken = await store.accountByLogin(uc.trx, login);
      if (taken && taken.resident_id !== resident.id)
        throw new AppError('conflict.duplicate', `${resident.phone ? 'phone' : 'email'}: another resident's account signs in with it`, {
          field: resident.phone ? 'phone' : 'email',
        });

      let account = await store.accountOfResident(uc.trx, resident.id);
      if (account?.disabled_at) {
        await store.updateAccount(uc.trx, account.id, {
          disabled_at: null,
          login,
          invited_at: uc.at,
          invited_by: opts.actor.id,
          updated_at: uc.at,
        });
      } else if (account) {
        await store.updateAccount(uc.trx, account.id, { login, invited_at: uc.at, invited_by: opts.actor.id, updated_at: uc.at });
      } else {
        account = {
          id: newId(),
          estate_id: opts.estateId,
          resident_id: resident.id,
          login,
          password_hash: null,
          locale: 'zh-Hant',
          invited_at: uc.at,
          invited_by: opts.actor.id,
          activated_at: null,
          last_sign_in_at: null,
          disabled_at: null,
          created_at: uc.at,
          updated_at: uc.at,
        };
        await store.insertAccount(uc.trx, account);
      }
      await store.retireCodes(uc.trx, account.id, 'invitation', uc.at);
      const code = newInvitationCode();
      const expiresAt = new Date(uc.now.getTime() + CODE_RULES.invitationDays * 86_400_000).toISOString();
      const codeId = newId();
      await store.insertCode(uc.trx, {
        id: codeId,
        account_id: account.id,
        purpose: 'invitation',
        code_hash: invitationHash(code),
        created_at: uc.at,
        expires_at: expiresAt,
        used_at: null,
        failed_attempts: 0,
      });
      if (sendTo) {
        const estate = await estateSettings(uc.trx, opts.estateId);
        const text = codeMessage('invitation', account.locale === 'en' || account.locale === 'zh-Hans' ? account.locale : 'zh-Hant', {
          office: estate.office_name,
          code,
          expiresAt,
          timeZone: estate.time_zone,
        });
        await enqueue(uc.trx, {
          estateId: opts.estateId,
          eventKey: `portal.invitation:${codeId}`,
          channel: delivery === 'sms' ? 'webhook' : 'email',
          recipient: sendTo,
          subject: text.subject,
          body: text.body,
          payload: { kind: 'portal.invitation', residentId: resident.id },
          at: uc.at,
        });
      }
      await uc.history({
        estateId: opts.estateId,
        entityType: 'resident_account',
        entityId: account.id,
        action: 'invited',
        after: { residentId: resident.id, login, delivery, expiresAt },
      });
      return {
        accountId: account.id,
        residentId: resident.id,
        login,
        code: delivery === 'show' ? code : null,
        expiresAt,
        sentTo: sendTo ? maskContact(sendTo) : null,
      };
    },
  );
}
