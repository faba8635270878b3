import type { ScriptLocale } from '../../contract/scripts.js';
import { estateSettings, residentContact } from '../../directory/index.js';
import { newId } from '../../platform/ids.js';
import { enqueue } from '../../platform/outbox/index.js';
import type { UseCase } from '../../platform/use-case.js';
import { caseEvent } from '../change.js';
import { type ContactCase, contactMade } from './contact-clock.js';
import { maskRecipient, type ProgressKind, progressMessage, progressRoute } from './rules.js';

export interface ProgressCase extends ContactCase {
  number: string;
  resident_id: string | null;
  resident_name: string | null;
  resident_phone: string | null;
}

/**
 * R-CP-5: tells the resident of their case's progress, in their language and by their channel,
 * in the transaction of the change: one outbox row keyed by the occurrence (`key`), so a
 * retried change queues nothing twice, and an entry on the case's timeline naming the channel
 * and the masked recipient. A message queued is a contact with the resident (the R-CP-5 clock).
 * Returns whether a message was queued (false: no channel, refused, or already queued).
 */
export async function tellResident(
  uc: Pick<UseCase, 'trx' | 'at'>,
  row: ProgressCase,
  m: { kind: ProgressKind; key: string; text?: string | null; appointmentAt?: string | null; actorId: string | null },
): Promise<boolean> {
  const resident = row.resident_id ? await residentContact(uc.trx, row.estate_id, row.resident_id) : undefined;
  const route = progressRoute({
    residentId: resident?.id ?? null,
    phone: resident?.phone ?? row.resident_phone,
    email: resident?.email ?? null,
    notifyChannel: resident?.notifyChannel ?? null,
    optOut: resident?.optOut ?? { sms: false, email: false, portal: false },
  });
  if (!route) return false;
  const locale: ScriptLocale = resident?.locale ?? 'zh-Hant';
  const estate = await estateSettings(uc.trx, row.estate_id);
  const words = progressMessage(m.kind, locale, {
    officeName: estate.office_name,
    caseNumber: row.number,
    residentName: resident?.name ?? row.resident_name,
    title: (resident?.title ?? null) as 'mr' | 'mrs' | 'miss' | 'ms' | null,
    text: m.text ?? null,
    appointmentAt: m.appointmentAt ?? null,
    timeZone: estate.timeZone,
  });
  const outboxId = newId();
  const queued = await enqueue(uc.trx, {
    id: outboxId,
    estateId: row.estate_id,
    eventKey: `progress.${m.kind}:${m.key}`,
    channel: route.outboxChannel,
    recipient: route.recipient,
    subject: words.subject,
    body: words.body,
    payload: { caseId: row.id, caseNumber: row.number, kind: m.kind, locale, residentId: resident?.id ?? null },
    at: uc.at,
  });
  if (!queued) return false;
  await caseEvent(uc, row, m.actorId, {
    type: 'progress_message',
    text: words.body,
    data: { outboxId, kind: m.kind, channel: route.channel, recipient: maskRecipient(route.channel, route.recipient), locale },
  });
  await contactMade(uc, row, uc.at, m.actorId);
  return true;
}
