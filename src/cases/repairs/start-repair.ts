import type { z } from 'zod';
import { type Actor, can, forbidden, roleIn } from '../../auth/index.js';
import type { CaseDetail, StartRepairBody } from '../../contract/cases.js';
import { staffInEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { unknownReference } from '../../platform/errors.js';
import { occurredAt as whenItHappened } from '../../platform/occurred.js';
import { caseEvent, caseHistory, changeCase } from '../change.js';
import { notifyStaff } from '../notify.js';
import { updateCase } from '../store.js';
import { requireOpenRepair } from './require-repair.js';

/**
 * Starts the repair's work order with the maintenance staff member who holds it: a worker
 * starting their own case takes it on themselves; handing it to someone else is assigning it.
 */
export async function startRepair(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; body: z.infer<typeof StartRepairBody> },
): Promise<CaseDetail> {
  const b = opts.body;
  return changeCase(ctx, opts, 'repair.work', async (uc, row) => {
    requireOpenRepair(row);
    const startedAt = whenItHappened(b.startedAt, uc.now, { field: 'startedAt' });
    let maintenanceId = row.maintenance_id ?? (roleIn(opts.actor, row.estate_id) === 'maintenance' ? opts.actor.id : null);
    const handedOn = b.maintenanceStaffId && b.maintenanceStaffId !== opts.actor.id && b.maintenanceStaffId !== row.maintenance_id;
    if (handedOn && !can(opts.actor, row.estate_id, 'case.assign')) throw forbidden('case.assign', roleIn(opts.actor, row.estate_id));
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
    await caseEvent(uc, row, opts.actor.id, { type: 'repair_started', at: startedAt, data: { maintenanceId } });
    await caseHistory(uc, row, 'repair.started', { maintenance_id: row.maintenance_id }, { maintenance_id: maintenanceId, startedAt });
    if (maintenanceId && maintenanceId !== row.maintenance_id && maintenanceId !== opts.actor.id) {
      const told = await notifyStaff(uc.trx, ctx, {
        estateId: row.estate_id,
        staffIds: [maintenanceId],
        kind: 'case.assigned',
        caseId: row.id,
        caseNumber: row.number,
        at: uc.at,
        text: row.description,
      });
      uc.live(...told);
    }
  });
}
