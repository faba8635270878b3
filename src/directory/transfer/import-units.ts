import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { checkUnitRows } from '../rules.js';
import { buildingsOf, insertBuilding, insertUnit, unitsOfEstate, updateUnitRow } from '../units.store.js';
import { DryRunDone, type ImportOptions, type ImportOutcome, ignoreDryRun, oneImportAtATime, readImport, rejectIfAny } from './import.js';

/** Units from a sheet: new buildings and units are added, known units get the file's floor and area. */
export function importUnits(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  return oneImportAtATime(ctx, opts, 'unit.import', () => unitsFrom(ctx, opts));
}

async function unitsFrom(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  const sheet = await readImport(opts);
  const { rows, errors } = checkUnitRows(sheet);
  rejectIfAny(errors);
  let created = 0;
  let updated = 0;
  await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
    const { trx, at } = uc;
    const buildings = new Map((await buildingsOf(trx, opts.estateId)).map((b) => [b.name, b.id]));
    const existing = await unitsOfEstate(trx, opts.estateId);
    const byKey = new Map(existing.map((u) => [`${u.building_name}\u0000${u.number}`, u]));
    for (const r of rows) {
      let buildingId = buildings.get(r.building);
      if (!buildingId) {
        buildingId = newId();
        const b = { id: buildingId, estate_id: opts.estateId, name: r.building, created_at: at, updated_at: at };
        await insertBuilding(trx, b);
        await uc.history({ estateId: opts.estateId, entityType: 'building', entityId: b.id, action: 'imported', after: b });
        buildings.set(r.building, buildingId);
      }
      const before = byKey.get(`${r.building}\u0000${r.number}`);
      if (before) {
        if (before.floor === r.floor && before.area_m2 === r.areaM2) continue;
        const patch = { floor: r.floor, area_m2: r.areaM2, updated_at: at };
        await updateUnitRow(trx, before.id, patch);
        await uc.history({
          estateId: opts.estateId,
          entityType: 'unit',
          entityId: before.id,
          action: 'imported',
          before,
          after: { ...before, ...patch },
        });
        updated++;
      } else {
        const u = {
          id: newId(),
          estate_id: opts.estateId,
          building_id: buildingId,
          number: r.number,
          floor: r.floor,
          area_m2: r.areaM2,
          created_at: at,
          updated_at: at,
        };
        await insertUnit(trx, u);
        await uc.history({ estateId: opts.estateId, entityType: 'unit', entityId: u.id, action: 'imported', after: u });
        created++;
      }
    }
    if (opts.dryRun) throw new DryRunDone();
  }).catch(ignoreDryRun);
  return { created, updated, total: rows.length };
}
