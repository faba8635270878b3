import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { insertResident, linkResidentUnit, livesIn, residentsOfEstate, updateResidentRow } from '../residents.store.js';
import { checkResidentRows, type ResidentImportRow } from '../rules.js';
import { unitsOfEstate } from '../units.store.js';
import { DryRunDone, type ImportOptions, type ImportOutcome, ignoreDryRun, oneImportAtATime, readImport, rejectIfAny } from './import.js';

/** Residents from a sheet: the same name and phone is the same person; rows repeating them add further units. */
export function importResidents(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  return oneImportAtATime(ctx, opts, 'resident.import', () => residentsFrom(ctx, opts));
}

async function residentsFrom(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  const sheet = await readImport(opts);
  const { rows, errors } = checkResidentRows(sheet);
  const units = await unitsOfEstate(ctx.db, opts.estateId);
  const unitByKey = new Map(units.map((u) => [`${u.building_name}\u0000${u.number}`, u.id]));
  for (const r of rows) {
    if (r.building && r.unit && !unitByKey.has(`${r.building}\u0000${r.unit}`)) {
      errors.push({ row: r.row, column: 'unit', reason: 'unknown_unit', message: `there is no unit ${r.unit} in ${r.building}` });
    }
  }
  rejectIfAny(errors);
  let created = 0;
  let updated = 0;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const { trx, at } = uc;
    const existing = await residentsOfEstate(trx, opts.estateId);
    const key = (name: string, phone: string | null) => `${name}\u0000${phone ?? ''}`;
    const byKey = new Map(existing.map((r) => [key(r.name, r.phone), r]));
    const touched = new Set<string>();
    for (const r of rows) {
      const found = byKey.get(key(r.name, r.phone));
      const unitId = r.building && r.unit ? (unitByKey.get(`${r.building}\u0000${r.unit}`) as string) : null;
      let residentId: string;
      if (found) {
        residentId = found.id;
        const patch = {
          kind: r.kind,
          email: r.email ?? found.email,
          phone_alt: r.phoneAlt ?? found.phone_alt,
          title: r.title ?? found.title,
          ...preferencesOf(r, found),
          updated_at: at,
        };
        const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((k) => k !== 'updated_at' && patch[k] !== found[k]);
        if (changed) {
          await updateResidentRow(trx, found.id, patch);
          await uc.history({
            estateId: opts.estateId,
            entityType: 'resident',
            entityId: found.id,
            action: 'imported',
            before: found,
            after: { ...found, ...patch },
          });
          byKey.set(key(r.name, r.phone), { ...found, ...patch });
          if (!touched.has(found.id)) updated++;
          touched.add(found.id);
        }
      } else {
        const row = {
          id: newId(),
          estate_id: opts.estateId,
          name: r.name,
          phone: r.phone,
          phone_alt: r.phoneAlt,
          email: r.email,
          kind: r.kind,
          title: r.title,
          ...preferencesOf(r, { locale: 'zh-Hant', notify_channel: null, sms_opt_out: 0, email_opt_out: 0, portal_opt_out: 0 }),
          created_at: at,
          updated_at: at,
        };
        await insertResident(trx, row);
        await uc.history({ estateId: opts.estateId, entityType: 'resident', entityId: row.id, action: 'imported', after: row });
        byKey.set(key(r.name, r.phone), row);
        touched.add(row.id);
        residentId = row.id;
        created++;
      }
      if (unitId && !(await livesIn(trx, residentId, unitId))) {
        await linkResidentUnit(trx, opts.estateId, residentId, unitId);
        await uc.history({
          estateId: opts.estateId,
          entityType: 'resident',
          entityId: residentId,
          action: 'unit.linked',
          after: { unitId },
        });
        if (found && !touched.has(residentId)) {
          updated++;
          touched.add(residentId);
        }
      }
    }
    if (opts.dryRun) throw new DryRunDone();
  }).catch(ignoreDryRun);
  return { created, updated, total: rows.length };
}

/** R-CP-5: a row's preferences over what the resident had (or the defaults): what the file leaves out stays. */
function preferencesOf(
  r: ResidentImportRow,
  had: { locale: string; notify_channel: string | null; sms_opt_out: number; email_opt_out: number; portal_opt_out: number },
) {
  const flag = (v: boolean | undefined, was: number) => (v === undefined ? was : v ? 1 : 0);
  return {
    locale: r.locale ?? had.locale,
    notify_channel: r.notifyChannel === undefined ? had.notify_channel : r.notifyChannel,
    sms_opt_out: flag(r.optOut?.sms, had.sms_opt_out),
    email_opt_out: flag(r.optOut?.email, had.email_opt_out),
    portal_opt_out: flag(r.optOut?.portal, had.portal_opt_out),
  };
}
