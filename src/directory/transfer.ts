import type { Actor } from '../auth/policy.js';
import { requireAbility } from '../auth/policy.js';
import type { ImportRowError } from '../contract/common.js';
import type { AppContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { exclusively } from '../platform/exclusive.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import { readSheet, type TabularFormat, writeSheet } from '../platform/tabular.js';
import { checkResidentRows, checkUnitRows, HEADER_ALIASES, RESIDENT_COLUMNS, UNIT_COLUMNS } from './rules.js';
import * as store from './store.js';

/**
 * Import and export of units and residents. An import is all rows or none: every row is
 * checked (in the file and against the estate) before anything is written, and the whole
 * write is one transaction.
 */
export interface ImportOptions {
  actor: Actor;
  estateId: string;
  format: TabularFormat;
  content: Buffer;
  dryRun: boolean;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  total: number;
}

function rejectIfAny(errors: ImportRowError[]) {
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    const rows = [...new Set(errors.map((e) => e.row))];
    throw new AppError(
      'import.invalid_rows',
      `nothing was imported: ${errors.length} problem(s) on row(s) ${rows.slice(0, 10).join(', ')}`,
      {
        rows: errors.slice(0, 500),
        errorCount: errors.length,
      },
    );
  }
}

/**
 * One import at a time per estate (on every instance): reading a large file and writing its rows
 * is the heaviest thing the server does, and two at once into one estate would only fight over
 * the same rows. A second one is refused at once (409), after the caller's access is checked.
 */
async function oneImportAtATime<T>(
  ctx: AppContext,
  opts: ImportOptions,
  ability: 'unit.import' | 'resident.import',
  work: () => Promise<T>,
): Promise<T> {
  requireAbility(opts.actor, opts.estateId, ability);
  if (!(await store.findEstate(ctx.db, opts.estateId))) throw notFound('estate');
  const busy = () =>
    new AppError('import.busy', 'another import into this estate is running; try again when it has finished', {
      estateId: opts.estateId,
    });
  return exclusively(ctx, `import:${opts.estateId}`, busy, work);
}

function prepare(opts: ImportOptions) {
  return readSheet(opts.format, opts.content, HEADER_ALIASES);
}

export function importUnits(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  return oneImportAtATime(ctx, opts, 'unit.import', () => unitsFrom(ctx, opts));
}

async function unitsFrom(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  const sheet = await prepare(opts);
  const { rows, errors } = checkUnitRows(sheet);
  rejectIfAny(errors);
  const at = ctx.clock.now().toISOString();
  let created = 0;
  let updated = 0;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const buildings = new Map(
        (await trx.selectFrom('buildings').select(['id', 'name']).where('estate_id', '=', opts.estateId).execute()).map((b) => [
          b.name,
          b.id,
        ]),
      );
      const existing = await store.unitsQuery(trx, opts.estateId).select(store.unitColumns).execute();
      const byKey = new Map(existing.map((u) => [`${u.building_name}\u0000${u.number}`, u]));
      for (const r of rows) {
        let buildingId = buildings.get(r.building);
        if (!buildingId) {
          buildingId = newId();
          const b = { id: buildingId, estate_id: opts.estateId, name: r.building, created_at: at, updated_at: at };
          await trx.insertInto('buildings').values(b).execute();
          await recordChange(trx, {
            estateId: opts.estateId,
            actorId: opts.actor.id,
            at,
            entityType: 'building',
            entityId: b.id,
            action: 'imported',
            after: b,
          });
          buildings.set(r.building, buildingId);
        }
        const before = byKey.get(`${r.building}\u0000${r.number}`);
        if (before) {
          if (before.floor === r.floor && before.area_m2 === r.areaM2) continue;
          const patch = { floor: r.floor, area_m2: r.areaM2, updated_at: at };
          await trx.updateTable('units').set(patch).where('id', '=', before.id).execute();
          await recordChange(trx, {
            estateId: opts.estateId,
            actorId: opts.actor.id,
            at,
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
          await trx.insertInto('units').values(u).execute();
          await recordChange(trx, {
            estateId: opts.estateId,
            actorId: opts.actor.id,
            at,
            entityType: 'unit',
            entityId: u.id,
            action: 'imported',
            after: u,
          });
          created++;
        }
      }
      // A dry run checks everything, database included, then throws the work away.
      if (opts.dryRun) throw new DryRunDone();
    })
    .catch(ignoreDryRun);
  return { created, updated, total: rows.length };
}

class DryRunDone extends Error {}
function ignoreDryRun(err: unknown) {
  if (!(err instanceof DryRunDone)) throw err;
}

export function importResidents(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  return oneImportAtATime(ctx, opts, 'resident.import', () => residentsFrom(ctx, opts));
}

async function residentsFrom(ctx: AppContext, opts: ImportOptions): Promise<ImportOutcome> {
  const sheet = await prepare(opts);
  const { rows, errors } = checkResidentRows(sheet);
  const units = await store
    .unitsQuery(ctx.db, opts.estateId)
    .select(['units.id', 'units.number', 'buildings.name as building_name'])
    .execute();
  const unitByKey = new Map(units.map((u) => [`${u.building_name}\u0000${u.number}`, u.id]));
  for (const r of rows) {
    if (r.building && r.unit && !unitByKey.has(`${r.building}\u0000${r.unit}`)) {
      errors.push({ row: r.row, column: 'unit', reason: 'unknown_unit', message: `there is no unit ${r.unit} in ${r.building}` });
    }
  }
  rejectIfAny(errors);
  const at = ctx.clock.now().toISOString();
  let created = 0;
  let updated = 0;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const existing = await trx.selectFrom('residents').selectAll().where('estate_id', '=', opts.estateId).execute();
      // The same person is the same name and phone; rows repeating them add further units.
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
            updated_at: at,
          };
          if (patch.kind !== found.kind || patch.email !== found.email || patch.phone_alt !== found.phone_alt) {
            await trx.updateTable('residents').set(patch).where('id', '=', found.id).execute();
            await recordChange(trx, {
              estateId: opts.estateId,
              actorId: opts.actor.id,
              at,
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
            created_at: at,
            updated_at: at,
          };
          await trx.insertInto('residents').values(row).execute();
          await recordChange(trx, {
            estateId: opts.estateId,
            actorId: opts.actor.id,
            at,
            entityType: 'resident',
            entityId: row.id,
            action: 'imported',
            after: row,
          });
          byKey.set(key(r.name, r.phone), row);
          touched.add(row.id);
          residentId = row.id;
          created++;
        }
        if (unitId) {
          const linked = await trx
            .selectFrom('resident_units')
            .select('unit_id')
            .where('resident_id', '=', residentId)
            .where('unit_id', '=', unitId)
            .executeTakeFirst();
          if (!linked) {
            await trx.insertInto('resident_units').values({ resident_id: residentId, unit_id: unitId, estate_id: opts.estateId }).execute();
            await recordChange(trx, {
              estateId: opts.estateId,
              actorId: opts.actor.id,
              at,
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
      }
      if (opts.dryRun) throw new DryRunDone();
    })
    .catch(ignoreDryRun);
  return { created, updated, total: rows.length };
}

export async function exportUnits(ctx: AppContext, opts: { actor: Actor; estateId: string; format: TabularFormat }) {
  requireAbility(opts.actor, opts.estateId, 'unit.export');
  const rows = await store
    .unitsQuery(ctx.db, opts.estateId)
    .select(['buildings.name as building_name', 'units.number', 'units.floor', 'units.area_m2'])
    .orderBy('buildings.name')
    .orderBy('units.floor')
    .orderBy('units.number')
    .execute();
  return writeSheet(
    opts.format,
    'units',
    [...UNIT_COLUMNS],
    rows.map((r) => [r.building_name, r.number, Number(r.floor), r.area_m2 === null ? null : Number(r.area_m2)]),
  );
}

export async function exportResidents(ctx: AppContext, opts: { actor: Actor; estateId: string; format: TabularFormat }) {
  requireAbility(opts.actor, opts.estateId, 'resident.export');
  const rows = await ctx.db
    .selectFrom('residents')
    .leftJoin('resident_units', 'resident_units.resident_id', 'residents.id')
    .leftJoin('units', 'units.id', 'resident_units.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'residents.name',
      'residents.phone',
      'residents.phone_alt',
      'residents.email',
      'residents.kind',
      'buildings.name as building_name',
      'units.number',
    ])
    .where('residents.estate_id', '=', opts.estateId)
    .orderBy('residents.name')
    .orderBy('buildings.name')
    .orderBy('units.number')
    .execute();
  return writeSheet(
    opts.format,
    'residents',
    [...RESIDENT_COLUMNS],
    rows.map((r) => [r.name, r.phone, r.phone_alt, r.email, r.kind, r.building_name, r.number]),
  );
}
