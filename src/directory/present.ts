import type { z } from 'zod';
import type { CounterSeat, Department, Estate, Presence, Resident, Unit } from '../contract/directory.js';
import { EstatePolicy } from '../contract/directory.js';
import type { DepartmentRow, EstateRow, PresenceRow } from '../platform/db/schema.js';
import type { NewResidentRow } from './residents.store.js';

/** Row → API shapes of the directory. */
export function presentEstate(row: EstateRow): Estate {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    timeZone: row.time_zone,
    officeName: row.office_name,
    // Parsing fills in settings added after the estate was saved with their defaults.
    policy: EstatePolicy.parse(JSON.parse(row.policy)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface UnitJoinRow {
  id: string;
  building_id: string;
  building_name: string;
  number: string;
  floor: number;
  area_m2: number | null;
}

export function presentUnitSummary(row: UnitJoinRow) {
  return {
    id: row.id,
    buildingId: row.building_id,
    buildingName: row.building_name,
    number: row.number,
    floor: Number(row.floor),
    areaM2: row.area_m2 === null ? null : Number(row.area_m2),
  };
}

/** The unit joined onto another record (a case, a notice, a visit), or null when it has none. */
export function presentJoinedUnit(r: {
  unit_id: string | null;
  building_id: string | null;
  building_name: string | null;
  unit_number: string | null;
  unit_floor: number | null;
  unit_area_m2: number | null;
}) {
  if (!r.unit_id || !r.building_id) return null;
  return presentUnitSummary({
    id: r.unit_id,
    building_id: r.building_id,
    building_name: r.building_name ?? '',
    number: r.unit_number ?? '',
    floor: Number(r.unit_floor),
    area_m2: r.unit_area_m2,
  });
}

export function presentUnit(row: UnitJoinRow & { estate_id: string; created_at: string; updated_at: string }, residentCount: number): Unit {
  return {
    ...presentUnitSummary(row),
    estateId: row.estate_id,
    residentCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentResident(row: NewResidentRow, units: UnitJoinRow[]): Resident {
  return {
    id: row.id,
    estateId: row.estate_id,
    name: row.name,
    phone: row.phone,
    phoneAlt: row.phone_alt,
    email: row.email,
    kind: row.kind as Resident['kind'],
    title: (row.title ?? null) as Resident['title'],
    locale: (row.locale ?? 'zh-Hant') as Resident['locale'],
    notifyChannel: (row.notify_channel ?? null) as Resident['notifyChannel'],
    optOut: { sms: Boolean(row.sms_opt_out), email: Boolean(row.email_opt_out), portal: Boolean(row.portal_opt_out) },
    units: units.map(presentUnitSummary),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentDepartment(row: DepartmentRow, staffCount: number): z.infer<typeof Department> {
  return {
    id: row.id,
    estateId: row.estate_id,
    code: row.code as z.infer<typeof Department>['code'],
    name: row.name,
    caseKinds: JSON.parse(row.case_kinds),
    repairClasses: JSON.parse(row.repair_classes),
    staffCount,
  };
}

/** Staff without a presence row have never signed in to the board: shown as off duty. */
export function presentPresence(staffId: string, row: PresenceRow | undefined): z.infer<typeof Presence> {
  return {
    staffId,
    state: (row?.state ?? 'off_duty') as z.infer<typeof Presence>['state'],
    until: row?.until ?? null,
    note: row?.note ?? null,
    onTask: Boolean(row?.on_task),
    updatedAt: row?.updated_at ?? null,
  };
}

export type Seat = z.infer<typeof CounterSeat>;
