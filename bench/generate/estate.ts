import { defaultPolicy } from '../../src/contract/directory.js';
import { GIVEN, SURNAMES } from '../../src/directory/demo.js';
import { STANDARD_DEPARTMENTS } from '../../src/directory/departments/standard-departments.js';
import type { ChainBuilder } from './history.js';
import type { Random } from './random.js';
import type { Sink } from './sink.js';

/** The demo estate's office (src/directory/demo.ts): role, department and counter seat of each person. */
const STAFF = [
  { username: 'manager', role: 'manager', dept: 'property', seat: null },
  { username: 'desk1', role: 'receptionist', dept: 'front_desk', seat: 'L2' },
  { username: 'desk2', role: 'receptionist', dept: 'front_desk', seat: 'R2' },
  { username: 'desk3', role: 'receptionist', dept: 'front_desk', seat: 'L1' },
  { username: 'property1', role: 'department', dept: 'property', seat: 'R1' },
  { username: 'property2', role: 'department', dept: 'property', seat: null },
  { username: 'works1', role: 'maintenance', dept: 'engineering', seat: null },
  { username: 'works2', role: 'maintenance', dept: 'engineering', seat: null },
  { username: 'works3', role: 'maintenance', dept: 'engineering', seat: null },
  { username: 'finance1', role: 'department', dept: 'finance', seat: null },
  { username: 'security1', role: 'department', dept: 'security', seat: null },
  { username: 'security2', role: 'department', dept: 'security', seat: null },
] as const;
const ESTATE_NAMES = ['誠基', '海濱', '翠林', '康怡', '麗港', '嘉湖', '映灣', '峰景', '怡心', '寶翠'];

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  dept: string;
}
export interface Household {
  unitId: string;
  residentId: string;
  name: string;
  phone: string;
}
export interface EstateDirectory {
  id: string;
  code: string;
  departments: Record<string, string>;
  duties: { code: string; caseKinds: readonly string[]; repairClasses: readonly string[] }[];
  staff: StaffMember[];
  manager: StaffMember;
  byRole: (role: string) => StaffMember[];
  byDept: (dept: string) => StaffMember[];
  households: Household[];
}

/**
 * An estate shaped like the demo: the office, five standard departments, twelve staff, two blocks
 * of 25 floors with four flats each and their residents; every record with its history entry.
 */
export function generateEstate(
  sink: Sink,
  random: Random,
  opts: { index: number; at: number; passwordHash: string; chain: ChainBuilder; company: ChainBuilder; adminId: string },
): EstateDirectory {
  const at = new Date(opts.at).toISOString();
  const id = random.id(opts.at);
  const code = `E${String(opts.index + 1).padStart(3, '0')}`;
  const label = `${ESTATE_NAMES[opts.index % ESTATE_NAMES.length]}${Math.floor(opts.index / ESTATE_NAMES.length) + 1}期`;
  const log = (entityType: string, entityId: string, after: unknown) =>
    opts.chain.add({ at, actorId: opts.adminId, entityType, entityId, action: 'created', before: null, after });
  const estate = {
    id,
    code,
    name: label,
    address: `香港九龍${label}道${opts.index + 1}號`,
    time_zone: 'Asia/Hong_Kong',
    office_name: label,
    policy: JSON.stringify(defaultPolicy()),
    created_at: at,
    updated_at: at,
  };
  sink.add('estates', estate);
  log('estate', id, estate);

  const departments: Record<string, string> = {};
  for (const d of STANDARD_DEPARTMENTS) {
    const row = {
      id: random.id(opts.at),
      estate_id: id,
      code: d.code,
      name: d.name,
      case_kinds: JSON.stringify(d.caseKinds),
      repair_classes: JSON.stringify(d.repairClasses),
      created_at: at,
      updated_at: at,
    };
    sink.add('departments', row);
    log('department', row.id, row);
    departments[d.code] = row.id;
  }

  const staff: StaffMember[] = [];
  for (const s of STAFF) {
    const surname = random.pick(SURNAMES);
    const name = `${surname}${random.pick(GIVEN)}`;
    const username = `${code.toLowerCase()}.${s.username}`;
    const row = {
      id: random.id(opts.at),
      username,
      name,
      surname,
      role: s.role,
      email: `${username}@estates.example`,
      phone: null,
      locale: 'zh-Hant',
      password_hash: opts.passwordHash,
      password_changed_at: at,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    };
    sink.add('staff', row);
    const { password_hash: _hidden, ...visible } = row;
    opts.company.add({ at, actorId: opts.adminId, entityType: 'staff', entityId: row.id, action: 'created', before: null, after: visible });
    sink.add('staff_estates', {
      staff_id: row.id,
      estate_id: id,
      department_id: departments[s.dept] ?? null,
      counter_seat: s.seat,
      role: s.role,
    });
    sink.add('presence', { staff_id: row.id, state: 'in_office', until: null, note: null, on_task: 0, updated_at: at, updated_by: null });
    staff.push({ id: row.id, name, role: s.role, dept: s.dept });
  }

  const households: Household[] = [];
  let phoneSeq = 0;
  for (const block of ['A座', 'B座']) {
    const building = { id: random.id(opts.at), estate_id: id, name: block, created_at: at, updated_at: at };
    sink.add('buildings', building);
    log('building', building.id, building);
    for (let floor = 1; floor <= 25; floor++) {
      for (const flat of ['A', 'B', 'C', 'D']) {
        const unit = {
          id: random.id(opts.at),
          estate_id: id,
          building_id: building.id,
          number: `${floor}${flat}`,
          floor,
          area_m2: flat === 'A' || flat === 'D' ? 62.5 : 48.3,
          created_at: at,
          updated_at: at,
        };
        sink.add('units', unit);
        log('unit', unit.id, unit);
        const household = random.chance(0.3) ? 2 : 1;
        for (let h = 0; h < household; h++) {
          phoneSeq++;
          const resident = {
            id: random.id(opts.at),
            estate_id: id,
            name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
            phone: `9${String(1_000_000 + ((opts.index * 997 + phoneSeq * 7919) % 9_000_000)).slice(-7)}`,
            phone_alt: null,
            email: random.chance(0.5) ? `r${opts.index + 1}.${phoneSeq}@mail.example` : null,
            kind: h === 0 && random.chance(0.75) ? 'owner' : 'tenant',
            created_at: at,
            updated_at: at,
          };
          sink.add('residents', resident);
          sink.add('resident_units', { resident_id: resident.id, unit_id: unit.id, estate_id: id });
          log('resident', resident.id, { ...resident, unitId: unit.id });
          households.push({ unitId: unit.id, residentId: resident.id, name: resident.name, phone: resident.phone });
        }
      }
    }
  }
  const manager = staff.find((s) => s.role === 'manager') as StaffMember;
  return {
    id,
    code,
    departments,
    duties: STANDARD_DEPARTMENTS.map((d) => ({ code: d.code, caseKinds: d.caseKinds, repairClasses: d.repairClasses })),
    staff,
    manager,
    byRole: (role) => staff.filter((s) => s.role === role),
    byDept: (dept) => staff.filter((s) => s.dept === dept),
    households,
  };
}
