import { z } from 'zod';
import { CaseKind, FileFormat, Id, Instant, Locale, PageQuery, RepairClass } from './common.js';
import { NotifyChannel, ResidentOptOut, ResidentPreferencesBody } from './preferences.js';
import { RESIDENT_TITLES } from './scripts.js';

export { RESIDENT_IMPORT_COLUMNS, UNIT_IMPORT_COLUMNS } from './import-columns.js';
export { NotifyChannel, ResidentOptOut, ResidentPreferencesBody };

const Text = (max: number) => z.string().trim().min(1).max(max);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{3,20}$/, 'a phone number of digits, spaces, +, - or brackets');

/** The counter seats of R-WK-2 (left 2, right 2, left 1, right 1 by default). */
export const CounterSeat = z.enum(['L1', 'L2', 'L3', 'R1', 'R2', 'R3']);

/**
 * An estate's policy settings. Every number is a default from RULES.md that an estate may
 * change; rules read them from here, never from constants.
 */
export const EstatePolicy = z
  .strictObject({
    complaintReplyHours: z.number().int().min(1).max(720).default(72), // R-CP-1
    followUpHours: z
      .strictObject({
        safety: z.number().int().min(1).max(2160).default(48), // R-FU-1
        leak: z.number().int().min(1).max(2160).default(72),
        other: z.number().int().min(1).max(2160).default(168),
      })
      .default({ safety: 48, leak: 72, other: 168 }),
    afterRainFollowUpHours: z.number().int().min(1).max(720).default(48), // R-FU-2
    rectificationNoticeHours: z.number().int().min(1).max(720).default(24), // R-RC-1
    spotCheckMinItems: z.number().int().min(1).max(100).default(3), // R-FU-5
    spotCheckPercent: z.number().int().min(1).max(100).default(10),
    spotCheckDueDay: z.number().int().min(1).max(28).default(7),
    unreachableAfterAttempts: z.number().int().min(1).max(10).default(3), // R-FU-4
    rainfallPlace: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .describe('Weather-feed district or station for rain (R-FU-3)'),
    rainThresholdMm: z.number().min(0).max(100).default(0.5).describe('An hour with at least this much rain counts as rain'),
    callbackPromiseMinutes: z.number().int().min(1).max(1440).default(20), // R-PH-3
    callbackAfterReturnMinutes: z.number().int().min(0).max(1440).default(30),
    callbackNextMorning: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
      .default('09:00'),
    counterSeatOrder: z.array(CounterSeat).min(1).max(6).default(['L2', 'R2', 'L1', 'R1']), // R-WK-2
    walkInWaitLimitMinutes: z.number().int().min(1).max(120).default(5), // R-WK-4
    answerWithinSeconds: z.number().int().min(3).max(120).default(10).describe('R-PH-5: what three rings are, from ringing to answer'),
    progressIntervalDays: z.number().int().min(1).max(90).default(7).describe('R-CP-5: days a complainant may go without contact'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as HKD')
      .default('HKD')
      .describe('ISO 4217 currency of fee rates (R-FE-1)'),
  })
  .meta({ id: 'EstatePolicy' });
export type EstatePolicy = z.infer<typeof EstatePolicy>;
export const defaultPolicy = (): EstatePolicy => EstatePolicy.parse({});

const TimeZone = z
  .string()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz.includes('/') || tz === 'UTC';
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Asia/Hong_Kong')
  .describe('IANA time zone');

export const Estate = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    address: z.string(),
    timeZone: z.string(),
    officeName: z.string(),
    policy: EstatePolicy,
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Estate' });
export type Estate = z.infer<typeof Estate>;

export const CreateEstateBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{2,16}$/, '2 to 16 letters, digits or dashes'),
  name: Text(100),
  address: Text(300),
  timeZone: TimeZone.default('Asia/Hong_Kong'),
  officeName: Text(100),
  policy: EstatePolicy.optional(),
});
export const UpdateEstateBody = z.strictObject({
  name: Text(100).optional(),
  address: Text(300).optional(),
  timeZone: TimeZone.optional(),
  officeName: Text(100).optional(),
  policy: EstatePolicy.optional(),
});

export const Building = z
  .object({ id: Id, estateId: Id, name: z.string(), unitCount: z.number().int(), createdAt: Instant })
  .meta({ id: 'Building' });
export const CreateBuildingBody = z.strictObject({ name: Text(60) });
export const UpdateBuildingBody = z.strictObject({ name: Text(60) });

export const ResidentKind = z.enum(['owner', 'tenant']);
/** R-WD-2: how the desk addresses a resident: 先生 (mr), 太太 (mrs: 陳太), 小姐 (miss), 女士 (ms). */
export const ResidentTitle = z.enum(RESIDENT_TITLES);

export const UnitSummary = z.object({
  id: Id,
  buildingId: Id,
  buildingName: z.string(),
  number: z.string(),
  floor: z.number().int(),
  areaM2: z.number().nullable(),
});
export const Unit = UnitSummary.extend({
  estateId: Id,
  residentCount: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
}).meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const ResidentSummary = z.object({
  id: Id,
  name: z.string(),
  phone: z.string().nullable(),
  kind: ResidentKind,
});
/** What the unit and caller lookup of every screen is asked: one text, as a person types it. */
export const UnitLookupQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(60)
    .default('')
    .describe('A unit as people say it (A座 12B, A棟12B, Block A 12B, 12B A座, 12B), a phone number or part of it, or a name'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** One line of the lookup: a unit with one of its residents, a unit nobody is recorded in, or a resident found by phone or name. */
export const UnitLookupMatch = z
  .object({
    unit: UnitSummary.nullable(),
    resident: ResidentSummary.nullable().describe('Only for those who may read residents'),
    matchedBy: z.enum(['unit', 'phone', 'name']),
    rank: z.union([z.literal(0), z.literal(1), z.literal(2)]).describe('0 exact, 1 starts with the text, 2 holds it'),
  })
  .meta({ id: 'UnitLookupMatch' });
export type UnitLookupMatch = z.infer<typeof UnitLookupMatch>;

export const UnitDetail = Unit.extend({ residents: z.array(ResidentSummary) }).meta({ id: 'UnitDetail' });

export const CreateUnitBody = z.strictObject({
  buildingId: Id,
  number: Text(20),
  floor: z.number().int().min(-10).max(200),
  areaM2: z.number().positive().max(100_000).nullable().optional(),
});
export const UpdateUnitBody = z.strictObject({
  buildingId: Id.optional(),
  number: Text(20).optional(),
  floor: z.number().int().min(-10).max(200).optional(),
  areaM2: z.number().positive().max(100_000).nullable().optional(),
});
export const ListUnitsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches the unit number'),
  buildingId: Id.optional(),
  floor: z.coerce.number().int().min(-10).max(200).optional(),
  sort: z.enum(['number', '-number', 'floor', '-floor', 'area', '-area']).default('number'),
});

export const Resident = z
  .object({
    id: Id,
    estateId: Id,
    name: z.string(),
    phone: z.string().nullable(),
    phoneAlt: z.string().nullable(),
    email: z.string().nullable(),
    kind: ResidentKind,
    title: ResidentTitle.nullable().describe('R-WD-2: the form of address (陳先生, 陳太, 陳小姐); null when not known'),
    locale: Locale.describe('R-CP-5: the language of progress messages'),
    notifyChannel: NotifyChannel.nullable().describe('R-CP-5: the chosen channel; null: automatic'),
    optOut: ResidentOptOut,
    units: z.array(UnitSummary),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Resident' });
export type Resident = z.infer<typeof Resident>;

export const CreateResidentBody = z.strictObject({
  name: Text(100),
  phone: Phone.nullable().optional(),
  phoneAlt: Phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  kind: ResidentKind,
  title: ResidentTitle.nullable().optional(),
  unitIds: z.array(Id).max(50).default([]),
  ...ResidentPreferencesBody.shape,
});
export const UpdateResidentBody = z.strictObject({
  name: Text(100).optional(),
  phone: Phone.nullable().optional(),
  phoneAlt: Phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  kind: ResidentKind.optional(),
  title: ResidentTitle.nullable().optional(),
  unitIds: z.array(Id).max(50).optional(),
  ...ResidentPreferencesBody.shape,
});
export const ListResidentsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches name, phone, email or unit number'),
  kind: ResidentKind.optional(),
  unitId: Id.optional(),
  buildingId: Id.optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
});

export const DepartmentCode = z.enum(['front_desk', 'property', 'engineering', 'finance', 'security', 'other']);
export const Department = z
  .object({
    id: Id,
    estateId: Id,
    code: DepartmentCode,
    name: z.string(),
    caseKinds: z.array(CaseKind),
    repairClasses: z.array(RepairClass),
    staffCount: z.number().int(),
  })
  .meta({ id: 'Department' });
export const CreateDepartmentBody = z.strictObject({
  code: DepartmentCode,
  name: Text(60),
  caseKinds: z.array(CaseKind).max(10).default([]),
  repairClasses: z.array(RepairClass).max(3).default([]),
});
export const UpdateDepartmentBody = z.strictObject({
  name: Text(60).optional(),
  caseKinds: z.array(CaseKind).max(10).optional(),
  repairClasses: z.array(RepairClass).max(3).optional(),
});

export const Role = z.enum(['admin', 'manager', 'receptionist', 'department', 'maintenance']);
export type Role = z.infer<typeof Role>;

export const PresenceState = z.enum(['in_office', 'other_office', 'out', 'meeting', 'on_call', 'off_duty']);
export const Presence = z
  .object({
    staffId: Id,
    state: PresenceState,
    until: Instant.nullable().describe('Expected back (out, meeting)'),
    note: z.string().nullable(),
    onTask: z.boolean().describe('R-WK-2: on a task, not to rise for walk-ins'),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'Presence' });

/** One row of the presence board: who, where they sit, and where they are (R-WK-5). */
export const PresenceBoardItem = z
  .object({
    staff: z.object({
      id: Id,
      name: z.string(),
      surname: z.string(),
      role: Role,
      departmentId: Id.nullable(),
      departmentName: z.string().nullable(),
      counterSeat: CounterSeat.nullable(),
      phone: z.string().nullable().describe('R-WD-2: their own number or extension, as the desk gives it to a caller (§5.4)'),
      caseKinds: z.array(CaseKind).describe("R-WK-3: the case kinds their department's duties cover"),
    }),
    presence: Presence,
  })
  .meta({ id: 'PresenceBoardItem' });

/** A role held in one estate; `admin` is company-wide, never an estate's. */
export const EstateRole = z.enum(['manager', 'receptionist', 'department', 'maintenance']);
export type EstateRole = z.infer<typeof EstateRole>;

export const StaffMembership = z.object({
  estateId: Id,
  role: EstateRole.describe("The person's role in this estate (roles are held per estate)"),
  departmentId: Id.nullable(),
  counterSeat: CounterSeat.nullable(),
});
/** A membership as given: its role defaults to the person's role (kept as it was on an update). */
export const StaffMembershipInput = z.strictObject({
  estateId: Id,
  role: EstateRole.optional().describe("The person's role in this estate; defaults to the top-level role"),
  departmentId: Id.nullable(),
  counterSeat: CounterSeat.nullable(),
});
export const Staff = z
  .object({
    id: Id,
    username: z.string(),
    name: z.string(),
    surname: z.string(),
    role: Role,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale: Locale,
    disabled: z.boolean(),
    estates: z.array(StaffMembership),
    presence: Presence,
    createdAt: Instant,
  })
  .meta({ id: 'Staff' });
export type Staff = z.infer<typeof Staff>;

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, '3 to 40 letters, digits, dots, dashes or underscores');
export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const CreateStaffBody = z.strictObject({
  username: Username,
  name: Text(100),
  surname: Text(20),
  role: Role,
  email: z.email().max(200).nullable().optional(),
  phone: Phone.nullable().optional(),
  locale: Locale.default('zh-Hant'),
  password: Password,
  estates: z.array(StaffMembershipInput).min(1).max(100),
});
export const UpdateStaffBody = z.strictObject({
  name: Text(100).optional(),
  surname: Text(20).optional(),
  role: Role.optional(),
  email: z.email().max(200).nullable().optional(),
  phone: Phone.nullable().optional(),
  locale: Locale.optional(),
  disabled: z.boolean().optional(),
  estates: z.array(StaffMembershipInput).min(1).max(100).optional(),
});
export const ListStaffQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  departmentId: Id.optional(),
  sort: z.enum(['name', '-name', 'role']).default('name'),
});

export const UpdatePresenceBody = z.strictObject({
  state: PresenceState,
  until: Instant.nullable().optional(),
  note: z.string().trim().max(200).nullable().optional(),
  onTask: z.boolean().optional(),
});

export const ExportQuery = z.strictObject({ format: FileFormat.default('csv') });

export const HistoryEntry = z
  .object({
    id: Id,
    seq: z.number().int(),
    at: Instant,
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'HistoryEntry' });
export const ListHistoryQuery = PageQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
});
