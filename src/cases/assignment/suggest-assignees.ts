import type { Actor } from '../../auth/index.js';
import { departmentDuties, staffOfDepartments } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { caseFor } from '../access.js';
import { type CaseKind, departmentsFor } from '../rules.js';
import { openCaseLoads } from '../store.js';

/**
 * R-CP-2, R-PH-4: the departments whose duties cover the case, best match first, and their
 * people: those in the office first, then the least loaded.
 */
export async function suggestAssignees(ctx: AppContext, opts: { actor: Actor; caseId: string }) {
  const row = await caseFor(ctx.db, opts.actor, opts.caseId, 'case.assign');
  const ranked = departmentsFor(row.kind as CaseKind, row.repair_class, await departmentDuties(ctx.db, row.estate_id));
  const ids = ranked.map((d) => d.id);
  const people = await staffOfDepartments(ctx.db, row.estate_id, ids);
  const loads = await openCaseLoads(
    ctx.db,
    people.map((s) => s.id),
  );
  const staff = people.map((s) => ({ ...s, open_cases: loads.get(s.id) ?? 0 }));
  const rank = (s: (typeof staff)[number]) => [ids.indexOf(s.department_id ?? ''), s.state === 'in_office' ? 0 : 1, s.open_cases];
  staff.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) - (y[i] as number);
    return a.name.localeCompare(b.name);
  });
  return {
    departments: ranked.map((d) => ({ id: d.id, name: d.name, code: d.code })),
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      departmentId: s.department_id,
      presence: s.state ?? 'off_duty',
      openCases: s.open_cases,
    })),
  };
}
