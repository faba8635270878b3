import type { z } from 'zod';
import { can, forbidden, roleIn } from '../../auth/index.js';
import type { StartRepairBody } from '../../contract/cases.js';
import { staffInEstate } from '../../directory/index.js';
import { unknownReference } from '../../platform/errors.js';
import { occurredAt as whenItHappened } from '../../platform/occurred.js';
import { caseChange, caseEvent, caseHistory } from '../change.js';
import { notifyStaff } from '../notify.js';
import { tellResident } from '../progress/tell-resident.js';
import { updateCase } from '../store.js';
import { requireOpenRepair } from './require-repair.js';

/**
 * Starts the repair's work order with the maintenance staff member who holds it: a worker
 * starting their own case takes it on themselves; handing it to someone else is assigning it.
 */
export const startRepair = caseChange<z.infer<typeof StartRepairBody>>('repair.work', async (uc, row, { ctx, actor, body: b }) => {
  requireOpenRepair(row);
  const startedAt = whenItHappened(b.startedAt, uc.now, { field: 'startedAt' });
  let maintenanceId = row.maintenance_id ?? (roleIn(actor, row.estate_id) === 'maintenance' ? actor.id : null);
  const handedOn = b.maintenanceStaffId && b.maintenanceStaffId !== actor.id && b.maintenanceStaffId !== row.maintenance_id;
  if (handedOn && !can(actor, row.estate_id, 'case.assign')) throw forbidden('case.assign', roleIn(actor, row.estate_id));
  if (b.maintenanceStaffId) {
    const person = await staffInEstate(uc.trx, row.estate_id, b.maintenanceStaffId);
    if (!person) throw unknownReference('maintenanceStaffId');
    maintenanceId = person.id;
  }
  await updateCase(uc.trx, row.estate_id, row.id, {
    status: 'in_progress',
    maintenance_id: maintenanceId,
    repair_started_at: row.repair_started_at ?? startedAt,
  });
  const appointmentAt = b.appointmentAt ? new Date(b.appointmentAt).toISOString() : null;
  const startedId = await caseEvent(uc, row, actor.id, {
    type: 'repair_started',
    at: startedAt,
    data: { maintenanceId, ...(appointmentAt && { appointmentAt }) },
  });
  await caseHistory(
    uc,
    row,
    'repair.started',
    { maintenance_id: row.maintenance_id },
    { maintenance_id: maintenanceId, startedAt, ...(appointmentAt && { appointmentAt }) },
  );
  // R-CP-5: the resident is told when the repairer will call.
  if (appointmentAt) {
    const now = { ...row, status: 'in_progress', maintenance_id: maintenanceId };
    await tellResident(uc, now, { kind: 'appointment', key: startedId, appointmentAt, actorId: actor.id });
  }
  if (maintenanceId && maintenanceId !== row.maintenance_id && maintenanceId !== actor.id) {
    uc.live(...(await notifyStaff(uc, ctx, row, { staffIds: [maintenanceId], kind: 'case.assigned' })));
  }
});
