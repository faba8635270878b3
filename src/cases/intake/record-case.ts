import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { Channel } from '../../contract/cases.js';
import type { CaseKind, RepairClass } from '../../contract/common.js';
import { departmentDuties, estateSettings, residentContact, unitInEstate } from '../../directory/index.js';
import { nextNumber } from '../../platform/counters.js';
import { unknownReference } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { openObligation } from '../../platform/obligations/index.js';
import { occurredAt as whenItHappened } from '../../platform/occurred.js';
import type { UseCase } from '../../platform/use-case.js';
import { CASE_SUBJECT, caseChanged } from '../access.js';
import { caseEvent, caseHistory } from '../change.js';
import { caseNumber, departmentsFor, REPLY_RULE, replyDueAt } from '../rules.js';
import { insertCase } from '../store.js';

/** A case as it arrives, whatever the channel. */
export interface NewCase {
  kind: z.infer<typeof CaseKind>;
  channel: Channel;
  unitId?: string | null | undefined;
  residentId?: string | null | undefined;
  residentName?: string | null | undefined;
  residentPhone?: string | null | undefined;
  description: string;
  repairClass?: z.infer<typeof RepairClass> | null | undefined;
  occurredAt?: string | undefined;
}

/**
 * R-IN-1..4: records a case in the use case's transaction, from whichever channel it came (the
 * counter, phone, hotline or the residents' portal), numbered per estate and year and routed to
 * the department whose duties cover it. R-CP-1: a complaint, or a case on the hotline, gets its
 * first-reply deadline from when it happened. The open screens are told once it commits.
 * Returns the new case's id.
 */
export async function recordCase(uc: UseCase, opts: { estateId: string; recordedBy: string; body: NewCase }): Promise<string> {
  const b = opts.body;
  const id = newId();
  const recordedAt = uc.at;
  const occurredAt = whenItHappened(b.occurredAt, uc.now, { field: 'occurredAt' });
  const { policy, timeZone } = await estateSettings(uc.trx, opts.estateId);
  let residentName = b.residentName ?? null;
  let residentPhone = b.residentPhone ?? null;
  if (b.unitId && !(await unitInEstate(uc.trx, opts.estateId, b.unitId))) throw unknownReference('unitId');
  if (b.residentId) {
    const resident = await residentContact(uc.trx, opts.estateId, b.residentId);
    if (!resident) throw unknownReference('residentId');
    residentName ??= resident.name;
    residentPhone ??= resident.phone;
  }
  const year = DateTime.fromISO(recordedAt, { zone: timeZone }).year;
  const number = caseNumber(year, await nextNumber(uc.trx, { estateId: opts.estateId, name: 'case', period: String(year) }));
  const routed = departmentsFor(b.kind, b.repairClass ?? null, await departmentDuties(uc.trx, opts.estateId))[0];
  const row = {
    id,
    estate_id: opts.estateId,
    number,
    kind: b.kind,
    channel: b.channel,
    status: 'new',
    unit_id: b.unitId ?? null,
    resident_id: b.residentId ?? null,
    resident_name: residentName,
    resident_phone: residentPhone,
    description: b.description,
    repair_class: b.repairClass ?? null,
    occurred_at: occurredAt,
    recorded_at: recordedAt,
    recorded_by: opts.recordedBy,
    department_id: routed?.id ?? null,
    assignee_id: null,
    maintenance_id: null,
    escalated_to: null,
    first_reply_at: null,
    result: null,
    satisfaction: null,
    repair_started_at: null,
    repair_completed_at: null,
    closed_at: null,
    closed_by: null,
    close_reason: null,
    updated_at: recordedAt,
  };
  await insertCase(uc.trx, row);
  await caseEvent(uc, row, opts.recordedBy, {
    type: 'recorded',
    at: occurredAt,
    text: b.description,
    data: { channel: b.channel, kind: b.kind, recordedAt },
    search: [number, b.description, residentName ?? '', residentPhone ?? ''].join(' '),
  });
  const due = replyDueAt(b.kind, b.channel, new Date(occurredAt), policy);
  if (due) {
    await openObligation(uc.trx, {
      estateId: opts.estateId,
      rule: REPLY_RULE,
      subjectType: CASE_SUBJECT,
      subjectId: id,
      departmentId: row.department_id,
      openedAt: occurredAt,
      dueAt: due.toISOString(),
    });
  }
  await caseHistory(uc, row, 'created', null, row);
  uc.live(caseChanged(opts.estateId, id, 'case.created'));
  return id;
}
