import { newId } from '../../platform/ids.js';
import type { UseCase } from '../../platform/use-case.js';
import { insertDepartment } from '../departments.store.js';

/** The five departments of a management office, their default names and the duties each covers. */
export const STANDARD_DEPARTMENTS = [
  { code: 'front_desk', name: '前台接待', caseKinds: ['inquiry', 'message', 'praise', 'suggestion'], repairClasses: [] },
  { code: 'property', name: '物業部', caseKinds: ['complaint', 'inquiry'], repairClasses: [] },
  { code: 'engineering', name: '工程部', caseKinds: ['repair'], repairClasses: ['safety', 'leak', 'other'] },
  { code: 'finance', name: '財務部', caseKinds: ['fee'], repairClasses: [] },
  { code: 'security', name: '保安部', caseKinds: ['complaint'], repairClasses: ['safety'] },
] as const;

/** Gives a new estate its standard departments, in the use case's transaction; returns their ids by code. */
export async function insertStandardDepartments(
  uc: Pick<UseCase, 'trx' | 'at' | 'history'>,
  opts: { estateId: string; action?: string },
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const d of STANDARD_DEPARTMENTS) {
    const row = {
      id: newId(),
      estate_id: opts.estateId,
      code: d.code,
      name: d.name,
      case_kinds: JSON.stringify(d.caseKinds),
      repair_classes: JSON.stringify(d.repairClasses),
      created_at: uc.at,
      updated_at: uc.at,
    };
    await insertDepartment(uc.trx, row);
    await uc.history({
      estateId: opts.estateId,
      entityType: 'department',
      entityId: row.id,
      action: opts.action ?? 'created',
      after: row,
    });
    ids[d.code] = row.id;
  }
  return ids;
}
