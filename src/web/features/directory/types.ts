import type { z } from 'zod';
import type { CaseKind, ImportResult, ImportRowError, RepairClass } from '../../../contract/common';
import type {
  Building as BuildingSchema,
  CounterSeat as CounterSeatSchema,
  CreateBuildingBody,
  CreateDepartmentBody,
  CreateEstateBody,
  CreateResidentBody,
  CreateStaffBody,
  CreateUnitBody,
  DepartmentCode as DepartmentCodeSchema,
  Department as DepartmentSchema,
  Estate,
  EstatePolicy,
  EstateRole,
  HistoryEntry as HistoryEntrySchema,
  PresenceBoardItem as PresenceBoardItemSchema,
  Presence as PresenceSchema,
  PresenceState as PresenceStateSchema,
  Resident,
  ResidentKind as ResidentKindSchema,
  ResidentTitle as ResidentTitleSchema,
  Role,
  Staff,
  Unit,
  UnitDetail as UnitDetailSchema,
  UnitLookupMatch as UnitLookupMatchSchema,
  UpdateBuildingBody,
  UpdateDepartmentBody,
  UpdateEstateBody,
  UpdatePresenceBody,
  UpdateResidentBody,
  UpdateStaffBody,
  UpdateUnitBody,
} from '../../../contract/directory';

/** The directory's shapes as the web app sees them, all taken from the shared contract. */
export type { Estate, EstatePolicy, EstateRole, Resident, Role, Staff, Unit };
export type Building = z.infer<typeof BuildingSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type DepartmentCode = z.infer<typeof DepartmentCodeSchema>;
export type UnitDetail = z.infer<typeof UnitDetailSchema>;
export type UnitLookupMatch = z.infer<typeof UnitLookupMatchSchema>;
export type Presence = z.infer<typeof PresenceSchema>;
export type PresenceState = z.infer<typeof PresenceStateSchema>;
export type ResidentKind = z.infer<typeof ResidentKindSchema>;
export type ResidentTitle = z.infer<typeof ResidentTitleSchema>;
export type CounterSeat = z.infer<typeof CounterSeatSchema>;
export type CaseKindValue = z.infer<typeof CaseKind>;
export type RepairClassValue = z.infer<typeof RepairClass>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type ImportRowErrorItem = ImportRowError;
export type ImportOutcome = z.infer<typeof ImportResult>;

export type CreateEstateInput = z.input<typeof CreateEstateBody>;
export type UpdateEstateInput = z.input<typeof UpdateEstateBody>;
export type CreateBuildingInput = z.input<typeof CreateBuildingBody>;
export type UpdateBuildingInput = z.input<typeof UpdateBuildingBody>;
export type CreateUnitInput = z.input<typeof CreateUnitBody>;
export type UpdateUnitInput = z.input<typeof UpdateUnitBody>;
export type CreateResidentInput = z.input<typeof CreateResidentBody>;
export type UpdateResidentInput = z.input<typeof UpdateResidentBody>;
export type CreateDepartmentInput = z.input<typeof CreateDepartmentBody>;
export type UpdateDepartmentInput = z.input<typeof UpdateDepartmentBody>;
export type CreateStaffInput = z.input<typeof CreateStaffBody>;
export type UpdateStaffInput = z.input<typeof UpdateStaffBody>;
export type UpdatePresenceInput = z.input<typeof UpdatePresenceBody>;

/** One row of the presence board (GET /estates/{id}/presence). */
export type PresenceRow = z.infer<typeof PresenceBoardItemSchema>;

/**
 * The values of each enum in display order. `Record<Union, true>` makes the compiler insist
 * that every value of the contract's enum is listed, without shipping zod to the browser.
 */
function valuesOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

export const ROLES = valuesOf<Role>({ admin: true, manager: true, receptionist: true, department: true, maintenance: true });
/** The roles held in an estate; `admin` is the company's, never one estate's. */
export const ESTATE_ROLES = valuesOf<EstateRole>({ manager: true, receptionist: true, department: true, maintenance: true });
export const RESIDENT_KINDS = valuesOf<ResidentKind>({ owner: true, tenant: true });
/** R-WD-2: how a resident is addressed by surname and title; none while the office does not know. */
export const RESIDENT_TITLES = valuesOf<ResidentTitle>({ mr: true, mrs: true, miss: true, ms: true });
/** R-CP-5: how a resident is told of their cases' progress. */
export type NotifyChannel = NonNullable<Resident['notifyChannel']>;
export const NOTIFY_CHANNELS = valuesOf<NotifyChannel>({ sms: true, email: true, portal: true });
export const RESIDENT_LOCALES = valuesOf<Resident['locale']>({ 'zh-Hant': true, 'zh-Hans': true, en: true });
export const PRESENCE_STATES = valuesOf<PresenceState>({
  in_office: true,
  other_office: true,
  out: true,
  meeting: true,
  on_call: true,
  off_duty: true,
});
export const DEPARTMENT_CODES = valuesOf<DepartmentCode>({
  front_desk: true,
  property: true,
  engineering: true,
  finance: true,
  security: true,
  other: true,
});
export const CASE_KINDS = valuesOf<CaseKindValue>({
  inquiry: true,
  repair: true,
  fee: true,
  complaint: true,
  message: true,
  praise: true,
  suggestion: true,
});
export const REPAIR_CLASSES = valuesOf<RepairClassValue>({ safety: true, leak: true, other: true });
export const COUNTER_SEATS = valuesOf<CounterSeat>({ L1: true, L2: true, L3: true, R1: true, R2: true, R3: true });

export const PRESENCE_COLORS: Record<PresenceState, string> = {
  in_office: 'green',
  other_office: 'cyan',
  out: 'orange',
  meeting: 'blue',
  on_call: 'purple',
  off_duty: 'default',
};

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  manager: 'volcano',
  receptionist: 'blue',
  department: 'cyan',
  maintenance: 'gold',
};
