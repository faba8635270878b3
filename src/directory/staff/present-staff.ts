import { type Actor, seesEstate } from '../../auth/index.js';
import type { EstateRole, Role, Staff } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { presentPresence } from '../present.js';
import { staffRows } from '../staff.store.js';
import { membershipsOf, presenceOf } from '../store.js';

/** Staff as the API shows them, in the order of `staffIds`, with the memberships the caller may see. */
export async function presentStaff(db: AppContext['db'], actor: Actor, staffIds: string[]): Promise<Staff[]> {
  if (!staffIds.length) return [];
  const rows = await staffRows(db, staffIds);
  const memberships = await membershipsOf(db, staffIds);
  const presence = await presenceOf(db, staffIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return staffIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        username: r.username,
        name: r.name,
        surname: r.surname,
        role: r.role as Role,
        email: r.email,
        phone: r.phone,
        locale: r.locale as Staff['locale'],
        disabled: Boolean(r.disabled_at),
        // Only the memberships of estates the caller works for are shown.
        estates: memberships
          .filter((m) => m.staff_id === id && seesEstate(actor, m.estate_id))
          .map((m) => ({
            estateId: m.estate_id,
            role: m.role as EstateRole,
            departmentId: m.department_id,
            counterSeat: m.counter_seat as Staff['estates'][number]['counterSeat'],
          })),
        presence: presentPresence(
          id,
          presence.find((p) => p.staff_id === id),
        ),
        createdAt: r.created_at,
      },
    ];
  });
}
