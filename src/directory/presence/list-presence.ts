import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { CaseKind } from '../../contract/common.js';
import type { Role, Staff } from '../../contract/directory.js';
import type { AppContext } from '../../platform/context.js';
import { presenceBoard } from '../presence.store.js';
import { presentPresence } from '../present.js';

/** R-WK-5: the presence board, every staff member of the estate and where they are. */
export async function listPresence(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'presence.read');
  const rows = await presenceBoard(ctx.db, opts.estateId);
  return {
    items: rows.map((r) => ({
      staff: {
        id: r.id,
        name: r.name,
        surname: r.surname,
        role: r.role as Role,
        departmentId: r.department_id,
        departmentName: r.department_name,
        counterSeat: r.counter_seat as Staff['estates'][number]['counterSeat'],
        phone: r.phone,
        caseKinds: r.case_kinds ? (JSON.parse(r.case_kinds) as z.infer<typeof CaseKind>[]) : [],
      },
      presence: presentPresence(
        r.id,
        r.state
          ? {
              staff_id: r.id,
              state: r.state,
              until: r.until,
              note: r.note,
              on_task: Number(r.on_task),
              updated_at: r.updated_at as string,
              updated_by: r.updated_by,
            }
          : undefined,
      ),
    })),
  };
}
