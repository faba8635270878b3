import type { Transaction } from 'kysely';
import { hashPassword } from '../auth/index.js';
import { defaultPolicy } from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { historyIn, runUseCase } from '../platform/use-case.js';
import { insertStandardDepartments } from './departments/standard-departments.js';
import { estateIdByCode, insertEstate } from './estates.store.js';
import { insertPresence } from './presence.store.js';
import { insertResident, linkResidentUnit } from './residents.store.js';
import { insertStaff } from './staff/insert-staff.js';
import { insertMemberships } from './staff.store.js';
import { insertBuilding, insertUnit } from './units.store.js';

/**
 * The demo estate 誠基公寓: its office, five departments, a dozen staff, two blocks of
 * 25 floors with four flats each (200 units) and their residents. Deterministic, so every
 * fresh start looks the same.
 */
export const DEMO_ESTATE_CODE = 'CKA';

const STAFF = [
  { username: 'manager', name: '何志明', surname: '何', role: 'manager', dept: 'property', seat: null },
  { username: 'chan.mw', name: '陳美華', surname: '陳', role: 'receptionist', dept: 'front_desk', seat: 'L2' },
  { username: 'lee.kf', name: '李嘉芬', surname: '李', role: 'receptionist', dept: 'front_desk', seat: 'R2' },
  { username: 'cheung.wy', name: '張詠儀', surname: '張', role: 'receptionist', dept: 'front_desk', seat: 'L1' },
  { username: 'wong.ks', name: '黃家聲', surname: '黃', role: 'department', dept: 'property', seat: 'R1' },
  { username: 'lau.ch', name: '劉振雄', surname: '劉', role: 'department', dept: 'property', seat: null },
  { username: 'lam.tm', name: '林大明', surname: '林', role: 'maintenance', dept: 'engineering', seat: null },
  { username: 'ng.kw', name: '吳國偉', surname: '吳', role: 'maintenance', dept: 'engineering', seat: null },
  { username: 'leung.sk', name: '梁少強', surname: '梁', role: 'maintenance', dept: 'engineering', seat: null },
  { username: 'cheng.yl', name: '鄭玉蓮', surname: '鄭', role: 'department', dept: 'finance', seat: null },
  { username: 'chow.wk', name: '周偉傑', surname: '周', role: 'department', dept: 'security', seat: null },
  { username: 'tsang.hm', name: '曾浩文', surname: '曾', role: 'department', dept: 'security', seat: null },
] as const;

/** Surnames and given names the demo's residents are made of (the benchmark's data uses them too). */
export const SURNAMES = [
  '陳',
  '李',
  '張',
  '黃',
  '王',
  '劉',
  '林',
  '吳',
  '何',
  '梁',
  '鄭',
  '周',
  '謝',
  '郭',
  '馬',
  '羅',
  '高',
  '蔡',
  '葉',
  '朱',
];
export const GIVEN = [
  '志強',
  '美玲',
  '家豪',
  '詠詩',
  '俊傑',
  '麗珍',
  '偉明',
  '淑儀',
  '國華',
  '嘉欣',
  '子軒',
  '慧敏',
  '浩然',
  '曉彤',
  '建國',
  '秀英',
];

/** A tiny deterministic generator, so the demo is the same on every machine. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function demoLoaded(ctx: AppContext): Promise<boolean> {
  return Boolean(await estateIdByCode(ctx.db, DEMO_ESTATE_CODE));
}

/** Loads the demo estate; staff accounts share `staffPassword`. Returns the staff usernames. */
export async function loadDemo(ctx: AppContext, opts: { staffPassword: string; actorId: string | null }): Promise<string[]> {
  if (await demoLoaded(ctx)) return [];
  const passwordHash = await hashPassword(opts.staffPassword, ctx.config.passwordHashCost);
  return runUseCase(ctx, { actorId: opts.actorId }, (uc) => insertDemo(uc.trx, { passwordHash, actorId: opts.actorId, at: uc.at }));
}

/**
 * Inserts the demo estate inside the caller's transaction (the first start loads it in the same
 * transaction as the first admin); nothing when it is there already. Returns the staff usernames.
 */
export async function insertDemo(
  trx: Transaction<Database>,
  opts: { passwordHash: string; actorId: string | null; at: string },
): Promise<string[]> {
  if (await estateIdByCode(trx, DEMO_ESTATE_CODE)) return [];
  const { at, passwordHash } = opts;
  const rand = seeded(4984);
  const estateId = newId();
  const history = historyIn(trx, opts.actorId, at);
  const log = (entityType: string, entityId: string, after: unknown) =>
    history({ estateId, entityType, entityId, action: 'demo.loaded', after });
  const estate = {
    id: estateId,
    code: DEMO_ESTATE_CODE,
    name: '誠基公寓',
    address: '香港九龍旺角誠基道8號',
    time_zone: 'Asia/Hong_Kong',
    office_name: '誠基公寓',
    policy: JSON.stringify(defaultPolicy()),
    created_at: at,
    updated_at: at,
  };
  await insertEstate(trx, estate);
  await log('estate', estateId, estate);

  const deptIds = await insertStandardDepartments({ trx, at, history }, { estateId, action: 'demo.loaded' });

  for (const s of STAFF) {
    const row = await insertStaff(trx, {
      staff: {
        id: newId(),
        username: s.username,
        name: s.name,
        surname: s.surname,
        role: s.role,
        email: `${s.username}@chingkei.example`,
        passwordHash,
      },
      actorId: opts.actorId,
      at,
      action: 'demo.loaded',
    });
    await insertMemberships(trx, [
      { staff_id: row.id, estate_id: estateId, department_id: deptIds[s.dept] ?? null, counter_seat: s.seat, role: s.role },
    ]);
    await insertPresence(trx, {
      staff_id: row.id,
      state: 'in_office',
      until: null,
      note: null,
      on_task: 0,
      updated_at: at,
      updated_by: null,
    });
  }

  let phoneSeq = 0;
  for (const block of ['A座', 'B座']) {
    const building = { id: newId(), estate_id: estateId, name: block, created_at: at, updated_at: at };
    await insertBuilding(trx, building);
    await log('building', building.id, building);
    for (let floor = 1; floor <= 25; floor++) {
      for (const flat of ['A', 'B', 'C', 'D']) {
        const unit = {
          id: newId(),
          estate_id: estateId,
          building_id: building.id,
          number: `${floor}${flat}`,
          floor,
          area_m2: flat === 'A' || flat === 'D' ? 62.5 : 48.3,
          created_at: at,
          updated_at: at,
        };
        await insertUnit(trx, unit);
        await log('unit', unit.id, unit);
        const household = rand() < 0.3 ? 2 : 1;
        for (let h = 0; h < household; h++) {
          const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)] as string;
          const given = GIVEN[Math.floor(rand() * GIVEN.length)] as string;
          phoneSeq++;
          const resident = {
            id: newId(),
            estate_id: estateId,
            name: `${surname}${given}`,
            phone: `9${String(1000000 + phoneSeq * 7919).slice(-7)}`,
            phone_alt: null,
            email: rand() < 0.5 ? `resident${phoneSeq}@mail.example` : null,
            kind: h === 0 && rand() < 0.75 ? 'owner' : 'tenant',
            created_at: at,
            updated_at: at,
          };
          await insertResident(trx, resident);
          await linkResidentUnit(trx, estateId, resident.id, unit.id);
          await log('resident', resident.id, { ...resident, unitId: unit.id });
        }
      }
    }
  }
  return STAFF.map((s) => s.username);
}
