import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { insertStaff } from '../auth/accounts.js';
import { hashPassword } from '../auth/passwords.js';
import { type Actor, can, forbidden, requireAbility, requireCompanyAbility, roleIn, seesEstate } from '../auth/policy.js';
import {
  type CreateBuildingBody,
  type CreateDepartmentBody,
  type CreateEstateBody,
  type CreateResidentBody,
  type CreateStaffBody,
  type CreateUnitBody,
  defaultPolicy,
  EstatePolicy,
  type EstateRole,
  type ListResidentsQuery,
  type ListStaffQuery,
  type ListUnitsQuery,
  type Role,
  type Staff,
  type UpdateBuildingBody,
  type UpdateDepartmentBody,
  type UpdateEstateBody,
  type UpdatePresenceBody,
  type UpdateResidentBody,
  type UpdateStaffBody,
  type UpdateUnitBody,
} from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { AppError, notFound, unknownReference } from '../platform/errors.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import { presentDepartment, presentEstate, presentPresence, presentResident, presentUnit } from './present.js';
import * as store from './store.js';

type Trx = Transaction<Database>;
type Page = { page: number; pageSize: number };

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a use case in one transaction; a unique violation becomes a 409 naming the field. */
async function inTransaction<T>(ctx: AppContext, duplicateField: string | null, fn: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(fn);
  } catch (err) {
    if (duplicateField && isUniqueViolation(err)) {
      throw new AppError('conflict.duplicate', `${duplicateField}: already in use`, { field: duplicateField });
    }
    throw err;
  }
}

function change(
  actor: Actor,
  at: string,
  estateId: string | null,
  entityType: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
) {
  return { estateId, actorId: actor.id, at, entityType, entityId, action, before, after };
}

// ---------------------------------------------------------------- estates

export async function listEstates(ctx: AppContext, opts: { actor: Actor } & Page) {
  let q = ctx.db.selectFrom('estates');
  if (!opts.actor.allEstates) q = opts.actor.estateIds.length ? q.where('id', 'in', [...opts.actor.estateIds]) : q.where('id', '=', '');
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('name')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { items: rows.map(presentEstate), total: Number(n), page: opts.page, pageSize: opts.pageSize };
}

/** An estate's name, office, zone and policy (defaults filled in), for the rules of other capabilities. */
export { estateSettings } from './lookups.store.js';

export { presentJoinedUnit } from './present.js';

export async function getEstate(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'estate.read');
  const row = await store.findEstate(ctx.db, opts.estateId);
  if (!row) throw notFound('estate');
  return presentEstate(row);
}

/** The five departments of a management office, their default names and the duties each covers. */
export const STANDARD_DEPARTMENTS = [
  { code: 'front_desk', name: '前台接待', caseKinds: ['inquiry', 'message', 'praise', 'suggestion'], repairClasses: [] },
  { code: 'property', name: '物業部', caseKinds: ['complaint', 'inquiry'], repairClasses: [] },
  { code: 'engineering', name: '工程部', caseKinds: ['repair'], repairClasses: ['safety', 'leak', 'other'] },
  { code: 'finance', name: '財務部', caseKinds: ['fee'], repairClasses: [] },
  { code: 'security', name: '保安部', caseKinds: ['complaint'], repairClasses: ['safety'] },
] as const;

/** Gives a new estate its standard departments; returns their ids by code. */
export async function insertStandardDepartments(trx: Trx, opts: { estateId: string; actorId: string | null; at: string; action?: string }) {
  const ids: Record<string, string> = {};
  for (const d of STANDARD_DEPARTMENTS) {
    const row = {
      id: newId(),
      estate_id: opts.estateId,
      code: d.code,
      name: d.name,
      case_kinds: JSON.stringify(d.caseKinds),
      repair_classes: JSON.stringify(d.repairClasses),
      created_at: opts.at,
      updated_at: opts.at,
    };
    await trx.insertInto('departments').values(row).execute();
    await recordChange(trx, {
      estateId: opts.estateId,
      actorId: opts.actorId,
      at: opts.at,
      entityType: 'department',
      entityId: row.id,
      action: opts.action ?? 'created',
      after: row,
    });
    ids[d.code] = row.id;
  }
  return ids;
}

export async function createEstate(ctx: AppContext, opts: { actor: Actor; body: z.infer<typeof CreateEstateBody> }) {
  requireCompanyAbility(opts.actor, 'estate.create');
  const at = ctx.clock.now().toISOString();
  const id = newId();
  return inTransaction(ctx, 'code', async (trx) => {
    const row = {
      id,
      code: opts.body.code.toUpperCase(),
      name: opts.body.name,
      address: opts.body.address,
      time_zone: opts.body.timeZone,
      office_name: opts.body.officeName,
      policy: JSON.stringify(opts.body.policy ?? defaultPolicy()),
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('estates').values(row).execute();
    await recordChange(trx, change(opts.actor, at, id, 'estate', id, 'created', null, row));
    await insertStandardDepartments(trx, { estateId: id, actorId: opts.actor.id, at });
    return presentEstate(row);
  });
}

export async function updateEstate(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof UpdateEstateBody> }) {
  requireAbility(opts.actor, opts.estateId, 'estate.configure');
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, null, async (trx) => {
    const before = await store.findEstate(trx, opts.estateId);
    if (!before) throw notFound('estate');
    const b = opts.body;
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.address !== undefined && { address: b.address }),
      ...(b.timeZone !== undefined && { time_zone: b.timeZone }),
      ...(b.officeName !== undefined && { office_name: b.officeName }),
      ...(b.policy !== undefined && { policy: JSON.stringify(EstatePolicy.parse(b.policy)) }),
      updated_at: at,
    };
    await trx.updateTable('estates').set(patch).where('id', '=', opts.estateId).execute();
    const after = { ...before, ...patch };
    await recordChange(trx, change(opts.actor, at, opts.estateId, 'estate', opts.estateId, 'updated', before, after));
    return presentEstate(after);
  });
}

// ---------------------------------------------------------------- buildings

export async function listBuildings(ctx: AppContext, opts: { actor: Actor; estateId: string } & Page) {
  requireAbility(opts.actor, opts.estateId, 'unit.read');
  const base = ctx.db.selectFrom('buildings').where('estate_id', '=', opts.estateId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select((eb) => [
      'buildings.id',
      'buildings.estate_id',
      'buildings.name',
      'buildings.created_at',
      eb.selectFrom('units').select(eb.fn.countAll<number>().as('c')).whereRef('units.building_id', '=', 'buildings.id').as('unit_count'),
    ])
    .orderBy('name')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      estateId: r.estate_id,
      name: r.name,
      unitCount: Number(r.unit_count ?? 0),
      createdAt: r.created_at,
    })),
    total: Number(n),
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

export async function createBuilding(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateBuildingBody> }) {
  requireAbility(opts.actor, opts.estateId, 'unit.write');
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, 'name', async (trx) => {
    if (!(await store.findEstate(trx, opts.estateId))) throw notFound('estate');
    const row = { id: newId(), estate_id: opts.estateId, name: opts.body.name, created_at: at, updated_at: at };
    await trx.insertInto('buildings').values(row).execute();
    await recordChange(trx, change(opts.actor, at, opts.estateId, 'building', row.id, 'created', null, row));
    return { id: row.id, estateId: row.estate_id, name: row.name, unitCount: 0, createdAt: at };
  });
}

export async function updateBuilding(
  ctx: AppContext,
  opts: { actor: Actor; buildingId: string; body: z.infer<typeof UpdateBuildingBody> },
) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, 'name', async (trx) => {
    const before = await store.findBuilding(trx, null, opts.buildingId);
    if (!before) throw notFound('building');
    requireAbility(opts.actor, before.estate_id, 'unit.write', 'building');
    await trx.updateTable('buildings').set({ name: opts.body.name, updated_at: at }).where('id', '=', before.id).execute();
    const after = { ...before, name: opts.body.name, updated_at: at };
    await recordChange(trx, change(opts.actor, at, before.estate_id, 'building', before.id, 'updated', before, after));
    const units = await trx
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('building_id', '=', before.id)
      .executeTakeFirstOrThrow();
    return { id: after.id, estateId: after.estate_id, name: after.name, unitCount: Number(units.n), createdAt: after.created_at };
  });
}

// ---------------------------------------------------------------- units

const UNIT_SORT = {
  number: ['buildings.name', 'units.number'],
  floor: ['units.floor', 'units.number'],
  area: ['units.area_m2', 'units.number'],
} as const;

export async function listUnits(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListUnitsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'unit.read');
  const { q, buildingId, floor, sort, page, pageSize } = opts.query;
  let base = store.unitsQuery(ctx.db, opts.estateId);
  if (q) base = base.where('units.number', 'like', store.likePattern(q));
  if (buildingId) base = base.where('units.building_id', '=', buildingId);
  if (floor !== undefined) base = base.where('units.floor', '=', floor);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = sort.startsWith('-');
  const [first, second] = UNIT_SORT[sort.replace('-', '') as keyof typeof UNIT_SORT];
  const rows = await base
    .select(store.unitColumns)
    .orderBy(first, desc ? 'desc' : 'asc')
    .orderBy(second, desc ? 'desc' : 'asc')
    .orderBy('units.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const counts = await store.residentCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentUnit(r, counts.get(r.id) ?? 0)), total: Number(n), page, pageSize };
}

export async function getUnit(ctx: AppContext, opts: { actor: Actor; unitId: string }) {
  const row = await store.findUnit(ctx.db, null, opts.unitId);
  if (!row) throw notFound('unit');
  requireAbility(opts.actor, row.estate_id, 'unit.read', 'unit');
  const residents = await store.residentsOfUnit(ctx.db, row.id);
  // The unit is no secret to anyone in the estate; who lives there and their phones are the office's.
  const shown = can(opts.actor, row.estate_id, 'resident.read') ? residents : [];
  return {
    ...presentUnit(row, residents.length),
    residents: shown.map((r) => ({ id: r.id, name: r.name, phone: r.phone, kind: r.kind as 'owner' | 'tenant' })),
  };
}

async function requireBuildingIn(trx: Trx, estateId: string, buildingId: string, field = 'buildingId') {
  const b = await store.findBuilding(trx, estateId, buildingId);
  if (!b) throw unknownReference(field);
  return b;
}

export async function createUnit(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateUnitBody> }) {
  requireAbility(opts.actor, opts.estateId, 'unit.write');
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, 'number', async (trx) => {
    const building = await requireBuildingIn(trx, opts.estateId, opts.body.buildingId);
    const row = {
      id: newId(),
      estate_id: opts.estateId,
      building_id: building.id,
      number: opts.body.number,
      floor: opts.body.floor,
      area_m2: opts.body.areaM2 ?? null,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('units').values(row).execute();
    await recordChange(trx, change(opts.actor, at, opts.estateId, 'unit', row.id, 'created', null, row));
    return presentUnit({ ...row, building_name: building.name }, 0);
  });
}

export async function updateUnit(ctx: AppContext, opts: { actor: Actor; unitId: string; body: z.infer<typeof UpdateUnitBody> }) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, 'number', async (trx) => {
    const before = await store.findUnit(trx, null, opts.unitId);
    if (!before) throw notFound('unit');
    requireAbility(opts.actor, before.estate_id, 'unit.write', 'unit');
    const b = opts.body;
    const building = b.buildingId ? await requireBuildingIn(trx, before.estate_id, b.buildingId) : null;
    const patch = {
      ...(building && { building_id: building.id }),
      ...(b.number !== undefined && { number: b.number }),
      ...(b.floor !== undefined && { floor: b.floor }),
      ...(b.areaM2 !== undefined && { area_m2: b.areaM2 }),
      updated_at: at,
    };
    await trx.updateTable('units').set(patch).where('id', '=', before.id).execute();
    const after = { ...before, ...patch, building_name: building?.name ?? before.building_name };
    await recordChange(trx, change(opts.actor, at, before.estate_id, 'unit', before.id, 'updated', before, after));
    const counts = await store.residentCounts(trx, [before.id]);
    return presentUnit(after, counts.get(before.id) ?? 0);
  });
}

// ---------------------------------------------------------------- residents

export async function listResidents(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListResidentsQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'resident.read');
  const { q, kind, unitId, buildingId, sort, page, pageSize } = opts.query;
  let base = ctx.db.selectFrom('residents').where('residents.estate_id', '=', opts.estateId);
  if (q) {
    const like = store.likePattern(q);
    base = base.where((eb) =>
      eb.or([
        eb('residents.name', 'like', like),
        eb('residents.phone', 'like', like),
        eb('residents.phone_alt', 'like', like),
        eb('residents.email', 'like', like),
        eb.exists(
          eb
            .selectFrom('resident_units')
            .innerJoin('units', 'units.id', 'resident_units.unit_id')
            .select('units.id')
            .whereRef('resident_units.resident_id', '=', 'residents.id')
            .where('units.number', 'like', like),
        ),
      ]),
    );
  }
  if (kind) base = base.where('residents.kind', '=', kind);
  if (unitId || buildingId) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resident_units')
          .innerJoin('units', 'units.id', 'resident_units.unit_id')
          .select('units.id')
          .whereRef('resident_units.resident_id', '=', 'residents.id')
          .$if(Boolean(unitId), (qb) => qb.where('units.id', '=', unitId as string))
          .$if(Boolean(buildingId), (qb) => qb.where('units.building_id', '=', buildingId as string)),
      ),
    );
  }
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = sort.startsWith('-') ? 'desc' : 'asc';
  const column = sort.replace('-', '') === 'name' ? 'residents.name' : 'residents.created_at';
  const rows = await base
    .selectAll('residents')
    .orderBy(column, desc)
    .orderBy('residents.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const units = await store.unitsOfResidents(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      presentResident(
        r,
        units.filter((u) => u.resident_id === r.id),
      ),
    ),
    total: Number(n),
    page,
    pageSize,
  };
}

export async function getResident(ctx: AppContext, opts: { actor: Actor; residentId: string }) {
  const row = await store.findResident(ctx.db, null, opts.residentId);
  if (!row) throw notFound('resident');
  requireAbility(opts.actor, row.estate_id, 'resident.read', 'resident');
  return presentResident(row, await store.unitsOfResidents(ctx.db, [row.id]));
}

async function linkUnits(trx: Trx, estateId: string, residentId: string, unitIds: string[]) {
  const unique = [...new Set(unitIds)];
  const found = await store.unitIdsInEstate(trx, estateId, unique);
  unitIds.forEach((id, i) => {
    if (!found.has(id)) throw unknownReference(`unitIds.${i}`);
  });
  await trx.deleteFrom('resident_units').where('resident_id', '=', residentId).execute();
  if (unique.length) {
    await trx
      .insertInto('resident_units')
      .values(unique.map((unit_id) => ({ resident_id: residentId, unit_id, estate_id: estateId })))
      .execute();
  }
}

export async function createResident(ctx: AppContext, opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateResidentBody> }) {
  requireAbility(opts.actor, opts.estateId, 'resident.write');
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, null, async (trx) => {
    if (!(await store.findEstate(trx, opts.estateId))) throw notFound('estate');
    const b = opts.body;
    const row = {
      id: newId(),
      estate_id: opts.estateId,
      name: b.name,
      phone: b.phone ?? null,
      phone_alt: b.phoneAlt ?? null,
      email: b.email ?? null,
      kind: b.kind,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('residents').values(row).execute();
    await linkUnits(trx, opts.estateId, row.id, b.unitIds);
    await recordChange(trx, change(opts.actor, at, opts.estateId, 'resident', row.id, 'created', null, { ...row, unitIds: b.unitIds }));
    return presentResident(row, await store.unitsOfResidents(trx, [row.id]));
  });
}

export async function updateResident(
  ctx: AppContext,
  opts: { actor: Actor; residentId: string; body: z.infer<typeof UpdateResidentBody> },
) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, null, async (trx) => {
    const before = await store.findResident(trx, null, opts.residentId);
    if (!before) throw notFound('resident');
    requireAbility(opts.actor, before.estate_id, 'resident.write', 'resident');
    const b = opts.body;
    const beforeUnits = (await store.unitsOfResidents(trx, [before.id])).map((u) => u.id);
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.phone !== undefined && { phone: b.phone }),
      ...(b.phoneAlt !== undefined && { phone_alt: b.phoneAlt }),
      ...(b.email !== undefined && { email: b.email }),
      ...(b.kind !== undefined && { kind: b.kind }),
      updated_at: at,
    };
    await trx.updateTable('residents').set(patch).where('id', '=', before.id).execute();
    if (b.unitIds) await linkUnits(trx, before.estate_id, before.id, b.unitIds);
    const after = { ...before, ...patch };
    await recordChange(
      trx,
      change(
        opts.actor,
        at,
        before.estate_id,
        'resident',
        before.id,
        'updated',
        { ...before, unitIds: beforeUnits },
        { ...after, unitIds: b.unitIds ?? beforeUnits },
      ),
    );
    return presentResident(after, await store.unitsOfResidents(trx, [before.id]));
  });
}

// ---------------------------------------------------------------- departments

export async function listDepartments(ctx: AppContext, opts: { actor: Actor; estateId: string } & Page) {
  requireAbility(opts.actor, opts.estateId, 'department.read');
  const base = ctx.db.selectFrom('departments').where('estate_id', '=', opts.estateId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const counts = rows.length
    ? await ctx.db
        .selectFrom('staff_estates')
        .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'department_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('department_id')
        .execute()
    : [];
  const byId = new Map(counts.map((c) => [c.department_id, Number(c.n)]));
  return { items: rows.map((r) => presentDepartment(r, byId.get(r.id) ?? 0)), total: Number(n), page: opts.page, pageSize: opts.pageSize };
}

export async function createDepartment(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof CreateDepartmentBody> },
) {
  requireAbility(opts.actor, opts.estateId, 'department.write');
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, 'code', async (trx) => {
    if (!(await store.findEstate(trx, opts.estateId))) throw notFound('estate');
    const row = {
      id: newId(),
      estate_id: opts.estateId,
      code: opts.body.code,
      name: opts.body.name,
      case_kinds: JSON.stringify(opts.body.caseKinds),
      repair_classes: JSON.stringify(opts.body.repairClasses),
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('departments').values(row).execute();
    await recordChange(trx, change(opts.actor, at, opts.estateId, 'department', row.id, 'created', null, row));
    return presentDepartment(row, 0);
  });
}

export async function updateDepartment(
  ctx: AppContext,
  opts: { actor: Actor; departmentId: string; body: z.infer<typeof UpdateDepartmentBody> },
) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, null, async (trx) => {
    const before = await store.findDepartment(trx, null, opts.departmentId);
    if (!before) throw notFound('department');
    requireAbility(opts.actor, before.estate_id, 'department.write', 'department');
    const b = opts.body;
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.caseKinds !== undefined && { case_kinds: JSON.stringify(b.caseKinds) }),
      ...(b.repairClasses !== undefined && { repair_classes: JSON.stringify(b.repairClasses) }),
      updated_at: at,
    };
    await trx.updateTable('departments').set(patch).where('id', '=', before.id).execute();
    const after = { ...before, ...patch };
    await recordChange(trx, change(opts.actor, at, before.estate_id, 'department', before.id, 'updated', before, after));
    const { n } = await trx
      .selectFrom('staff_estates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_id', '=', before.id)
      .executeTakeFirstOrThrow();
    return presentDepartment(after, Number(n));
  });
}

// ---------------------------------------------------------------- staff

async function presentStaff(ctx: AppContext | { db: Trx }, actor: Actor, staffIds: string[]): Promise<Staff[]> {
  if (!staffIds.length) return [];
  const db = ctx.db;
  const rows = await db.selectFrom('staff').selectAll().where('id', 'in', staffIds).execute();
  const memberships = await store.membershipsOf(db, staffIds);
  const presence = await store.presenceOf(db, staffIds);
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

export async function listStaff(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof ListStaffQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'staff.read');
  const { q, role, departmentId, sort, page, pageSize } = opts.query;
  let base = ctx.db
    .selectFrom('staff')
    .innerJoin('staff_estates', 'staff_estates.staff_id', 'staff.id')
    .where('staff_estates.estate_id', '=', opts.estateId);
  if (q) {
    const like = store.likePattern(q);
    base = base.where((eb) =>
      eb.or([eb('staff.name', 'like', like), eb('staff.username', 'like', like), eb('staff.surname', 'like', like)]),
    );
  }
  if (role) base = base.where('staff_estates.role', '=', role);
  if (departmentId) base = base.where('staff_estates.department_id', '=', departmentId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = sort.startsWith('-') ? 'desc' : 'asc';
  const column = sort === 'role' ? 'staff_estates.role' : 'staff.name';
  const ids = await base
    .select('staff.id')
    .orderBy(column, desc)
    .orderBy('staff.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: await presentStaff(
      ctx,
      opts.actor,
      ids.map((r) => r.id),
    ),
    total: Number(n),
    page,
    pageSize,
  };
}

async function requireVisibleStaff(ctx: AppContext | { db: Trx }, actor: Actor, staffId: string) {
  const staff = await ctx.db.selectFrom('staff').selectAll().where('id', '=', staffId).executeTakeFirst();
  if (!staff) throw notFound('staff');
  if (actor.allEstates || staff.id === actor.id) return staff;
  const shared = await ctx.db
    .selectFrom('staff_estates')
    .select('estate_id')
    .where('staff_id', '=', staffId)
    .where('estate_id', 'in', actor.estateIds.length ? actor.estateIds : [''])
    .executeTakeFirst();
  if (!shared) throw notFound('staff');
  return staff;
}

export async function getStaff(ctx: AppContext, opts: { actor: Actor; staffId: string }) {
  await requireVisibleStaff(ctx, opts.actor, opts.staffId);
  const [staff] = await presentStaff(ctx, opts.actor, [opts.staffId]);
  if (!staff) throw notFound('staff');
  return staff;
}

type Membership = { estateId: string; role?: EstateRole | undefined; departmentId: string | null; counterSeat: string | null };

/**
 * Every membership names an estate where the caller may manage staff (a role is granted only
 * in an estate its granter manages) and a department of that estate.
 */
async function checkMemberships(trx: Trx, actor: Actor, memberships: Membership[]) {
  const seen = new Set<string>();
  for (const [i, m] of memberships.entries()) {
    if (!seesEstate(actor, m.estateId) || !(await store.findEstate(trx, m.estateId))) throw unknownReference(`estates.${i}.estateId`);
    if (!can(actor, m.estateId, 'staff.write'))
      throw new AppError('auth.forbidden', `estates.${i}.estateId: you do not manage the staff of this estate`, {
        field: `estates.${i}.estateId`,
        ability: 'staff.write',
      });
    if (seen.has(m.estateId))
      throw new AppError('validation.failed', `estates.${i}.estateId: listed twice`, { field: `estates.${i}.estateId` });
    seen.add(m.estateId);
    if (m.departmentId && !(await store.findDepartment(trx, m.estateId, m.departmentId)))
      throw unknownReference(`estates.${i}.departmentId`);
  }
}

function checkRoleGrant(actor: Actor, role: Role) {
  if (role === 'admin' && !actor.allEstates)
    throw new AppError('auth.forbidden', 'role: only an admin may make an admin', { field: 'role' });
}

/** The role a membership gets: its own, else the person's role (an admin's memberships are as manager). */
function membershipRole(m: Membership, personRole: Role): EstateRole {
  return m.role ?? (personRole === 'admin' ? 'manager' : personRole);
}

export async function createStaff(ctx: AppContext, opts: { actor: Actor; body: z.infer<typeof CreateStaffBody> }) {
  const b = opts.body;
  // `staff.write` is checked in every estate of the new person (checkMemberships): an estate the
  // caller does not work for is an unknown reference, one they do not manage answers 403.
  checkRoleGrant(opts.actor, b.role);
  const passwordHash = await hashPassword(b.password, ctx.config.passwordHashCost);
  const at = ctx.clock.now().toISOString();
  const id = newId();
  await inTransaction(ctx, 'username', async (trx) => {
    await checkMemberships(trx, opts.actor, b.estates);
    await insertStaff(trx, {
      staff: {
        id,
        username: b.username,
        name: b.name,
        surname: b.surname,
        role: b.role,
        email: b.email,
        phone: b.phone,
        locale: b.locale,
        passwordHash,
      },
      actorId: opts.actor.id,
      at,
      extra: { estates: b.estates.map((m) => ({ ...m, role: membershipRole(m, b.role) })) },
    });
    await insertMemberships(trx, id, b.estates, b.role);
  });
  return getStaff(ctx, { actor: opts.actor, staffId: id });
}

async function insertMemberships(trx: Trx, staffId: string, memberships: Membership[], personRole: Role) {
  try {
    await trx
      .insertInto('staff_estates')
      .values(
        memberships.map((m) => ({
          staff_id: staffId,
          estate_id: m.estateId,
          department_id: m.departmentId,
          counter_seat: m.counterSeat,
          role: membershipRole(m, personRole),
        })),
      )
      .execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict.duplicate', 'estates.counterSeat: that counter seat is taken', { field: 'estates.counterSeat' });
    throw err;
  }
}

/**
 * Changing someone is done estate by estate: the caller changes memberships only in estates
 * where they manage staff, and what touches the whole account (the company-level role, being
 * disabled) only when they manage every estate the person works for. So a manager of one
 * estate can never grant, change or use a power in another.
 */
export async function updateStaff(ctx: AppContext, opts: { actor: Actor; staffId: string; body: z.infer<typeof UpdateStaffBody> }) {
  const b = opts.body;
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, null, async (trx) => {
    const before = await requireVisibleStaff({ db: trx }, opts.actor, opts.staffId);
    const beforeMemberships = await store.membershipsOf(trx, [before.id]);
    const managed = beforeMemberships.filter((m) => can(opts.actor, m.estate_id, 'staff.write'));
    if (!opts.actor.allEstates && managed.length === 0) {
      const shared = beforeMemberships.find((m) => seesEstate(opts.actor, m.estate_id));
      throw forbidden('staff.write', shared ? roleIn(opts.actor, shared.estate_id) : undefined);
    }
    const managesAll = opts.actor.allEstates || managed.length === beforeMemberships.length;
    // Only an admin may change an admin, or make one.
    if (before.role === 'admin') checkRoleGrant(opts.actor, 'admin');
    if (b.role) checkRoleGrant(opts.actor, b.role);
    if (b.role !== undefined && b.role !== before.role && !managesAll)
      throw new AppError('auth.forbidden', 'role: this person also works for estates you do not manage', {
        field: 'role',
        ability: 'staff.write',
      });
    if (b.disabled && before.id === opts.actor.id)
      throw new AppError('validation.failed', 'disabled: you cannot disable yourself', { field: 'disabled' });
    // Disabling ends the account everywhere: only someone who manages all its estates may do it.
    if (b.disabled !== undefined && !managesAll) {
      throw new AppError('auth.forbidden', 'disabled: this person also works for estates you do not manage', {
        field: 'disabled',
        ability: 'staff.write',
      });
    }
    const patch = {
      ...(b.name !== undefined && { name: b.name }),
      ...(b.surname !== undefined && { surname: b.surname }),
      ...(b.role !== undefined && { role: b.role }),
      ...(b.email !== undefined && { email: b.email }),
      ...(b.phone !== undefined && { phone: b.phone }),
      ...(b.locale !== undefined && { locale: b.locale }),
      ...(b.disabled !== undefined && { disabled_at: b.disabled ? (before.disabled_at ?? at) : null }),
      updated_at: at,
    };
    await trx.updateTable('staff').set(patch).where('id', '=', before.id).execute();
    if (b.disabled) await trx.deleteFrom('sessions').where('staff_id', '=', before.id).execute();
    // A new company-level role is the person's role in every estate (the caller manages them all).
    if (b.role !== undefined && b.role !== before.role && !b.estates && beforeMemberships.length)
      await trx
        .updateTable('staff_estates')
        .set({ role: b.role === 'admin' ? 'manager' : b.role })
        .where('staff_id', '=', before.id)
        .execute();
    if (b.estates) {
      await checkMemberships(trx, opts.actor, b.estates);
      // Memberships of estates the caller does not manage are left as they are.
      const replaced = managed.map((m) => m.estate_id);
      if (replaced.length)
        await trx.deleteFrom('staff_estates').where('staff_id', '=', before.id).where('estate_id', 'in', replaced).execute();
      const kept = (m: Membership) =>
        m.role ??
        (b.role !== undefined ? undefined : (beforeMemberships.find((x) => x.estate_id === m.estateId)?.role as EstateRole | undefined));
      await insertMemberships(
        trx,
        before.id,
        b.estates.map((m) => ({ ...m, role: kept(m) })),
        b.role ?? (before.role as Role),
      );
    }
    const afterMemberships = await store.membershipsOf(trx, [before.id]);
    const { password_hash: _a, ...beforeVisible } = before;
    await recordChange(
      trx,
      change(
        opts.actor,
        at,
        null,
        'staff',
        before.id,
        'updated',
        { ...beforeVisible, estates: beforeMemberships },
        { ...beforeVisible, ...patch, estates: afterMemberships },
      ),
    );
  });
  return getStaff(ctx, { actor: opts.actor, staffId: opts.staffId });
}

// ---------------------------------------------------------------- presence (R-WK-5)

export async function listPresence(ctx: AppContext, opts: { actor: Actor; estateId: string }) {
  requireAbility(opts.actor, opts.estateId, 'presence.read');
  const rows = await ctx.db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .leftJoin('departments', 'departments.id', 'staff_estates.department_id')
    .leftJoin('presence', 'presence.staff_id', 'staff.id')
    .select([
      'staff.id',
      'staff.name',
      'staff.surname',
      'staff_estates.role',
      'staff_estates.department_id',
      'departments.name as department_name',
      'staff_estates.counter_seat',
      'presence.state',
      'presence.until',
      'presence.note',
      'presence.on_task',
      'presence.updated_at',
      'presence.updated_by',
    ])
    .where('staff_estates.estate_id', '=', opts.estateId)
    .where('staff.disabled_at', 'is', null)
    .orderBy('departments.name')
    .orderBy('staff.name')
    .execute();
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

/** R-WK-5: anyone sets their own presence; the desk and the manager set anyone's in their estates. */
export async function updatePresence(ctx: AppContext, opts: { actor: Actor; staffId: string; body: z.infer<typeof UpdatePresenceBody> }) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, null, async (trx) => {
    const target = await requireVisibleStaff({ db: trx }, opts.actor, opts.staffId);
    if (target.id !== opts.actor.id) {
      const shared = await store.membershipsOf(trx, [target.id]);
      if (!opts.actor.allEstates && !shared.some((m) => can(opts.actor, m.estate_id, 'presence.write.others'))) {
        const seen = shared.find((m) => seesEstate(opts.actor, m.estate_id));
        throw forbidden('presence.write.others', seen ? roleIn(opts.actor, seen.estate_id) : undefined);
      }
    }
    const before = await trx.selectFrom('presence').selectAll().where('staff_id', '=', target.id).executeTakeFirst();
    const b = opts.body;
    // "until" only means something while away; coming back clears it.
    const until = b.state === 'out' || b.state === 'meeting' || b.state === 'on_call' ? (b.until ?? null) : null;
    const row = {
      staff_id: target.id,
      state: b.state,
      until,
      note: b.note ?? null,
      on_task: b.onTask === undefined ? (before?.on_task ?? 0) : b.onTask ? 1 : 0,
      updated_at: at,
      updated_by: opts.actor.id,
    };
    if (before) await trx.updateTable('presence').set(row).where('staff_id', '=', target.id).execute();
    else await trx.insertInto('presence').values(row).execute();
    const memberships = await store.membershipsOf(trx, [target.id]);
    for (const m of memberships) {
      await recordChange(trx, change(opts.actor, at, m.estate_id, 'presence', target.id, 'updated', before ?? null, row));
    }
    return presentPresence(target.id, row);
  });
}

// ---------------------------------------------------------------- history (R-RD-1)

export async function listHistory(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; entityType?: string | undefined; entityId?: string | undefined } & Page,
) {
  requireAbility(opts.actor, opts.estateId, 'history.read');
  let base = ctx.db.selectFrom('history').where('history.estate_id', '=', opts.estateId);
  if (opts.entityType) base = base.where('history.entity_type', '=', opts.entityType);
  if (opts.entityId) base = base.where('history.entity_id', '=', opts.entityId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('staff', 'staff.id', 'history.actor_id')
    .select([
      'history.id',
      'history.seq',
      'history.at',
      'history.actor_id',
      'staff.name as actor_name',
      'history.entity_type',
      'history.entity_id',
      'history.action',
      'history.before',
      'history.after',
    ])
    .orderBy('history.seq', 'desc')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    })),
    total: Number(n),
    page: opts.page,
    pageSize: opts.pageSize,
  };
}
